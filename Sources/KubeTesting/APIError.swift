import EnsembleSupport

/// A failure answered as a `Status` object, as kube-apiserver answers every error.
public struct APIError: Error, Sendable, CustomStringConvertible {
    public struct Cause: Sendable, Hashable {
        public var type: String
        public var message: String
        public var field: String

        public init(type: String, message: String, field: String) {
            self.type = type
            self.message = message
            self.field = field
        }
    }

    public var code: Int
    public var reason: String
    public var message: String
    public var details: JSONValue?
    public var retryAfterSeconds: Int?

    public init(code: Int, reason: String, message: String, details: JSONValue? = nil, retryAfterSeconds: Int? = nil) {
        self.code = code
        self.reason = reason
        self.message = message
        self.details = details
        self.retryAfterSeconds = retryAfterSeconds
    }

    public var description: String { "\(code) \(reason): \(message)" }

    public var status: JSONValue {
        var status: JSONValue = [
            "kind": "Status", "apiVersion": "v1", "metadata": [:], "status": "Failure",
            "message": .string(message), "reason": .string(reason), "code": .integer(Int64(code)),
        ]
        if let details { status["details"] = details }
        return status
    }

    static func details(_ resource: ResourceType, name: String?, causes: [Cause] = []) -> JSONValue {
        var details: JSONValue = ["kind": .string(resource.plural)]
        if !resource.group.isEmpty { details["group"] = .string(resource.group) }
        if let name, !name.isEmpty { details["name"] = .string(name) }
        if !causes.isEmpty {
            details["causes"] = .array(causes.map {
                ["reason": .string($0.type), "message": .string($0.message), "field": .string($0.field)]
            })
        }
        return details
    }

    static func notFound(_ resource: ResourceType, _ name: String) -> APIError {
        APIError(
            code: 404, reason: "NotFound", message: "\(resource.qualifiedName) \"\(name)\" not found",
            details: details(resource, name: name))
    }

    static func alreadyExists(_ resource: ResourceType, _ name: String) -> APIError {
        APIError(
            code: 409, reason: "AlreadyExists", message: "\(resource.qualifiedName) \"\(name)\" already exists",
            details: details(resource, name: name))
    }

    static func conflict(_ resource: ResourceType, _ name: String, _ detail: String) -> APIError {
        APIError(
            code: 409, reason: "Conflict",
            message: "Operation cannot be fulfilled on \(resource.qualifiedName) \"\(name)\": \(detail)",
            details: details(resource, name: name))
    }

    static let staleResourceVersion = "the object has been modified; please apply your changes to the latest version and try again"

    /// 422 with one cause per field error, worded as the apiserver words them.
    static func invalid(_ resource: ResourceType, kind: String, _ name: String, _ causes: [Cause]) -> APIError {
        let summary = causes.map { $0.field.isEmpty ? $0.message : "\($0.field): \($0.message)" }
        let joined = summary.count == 1 ? summary[0] : "[" + summary.joined(separator: ", ") + "]"
        var details = details(resource, name: name, causes: causes)
        details["kind"] = .string(kind)
        return APIError(
            code: 422, reason: "Invalid", message: "\(kind).\(resource.group.isEmpty ? "" : resource.group) \"\(name)\" is invalid: \(joined)"
                .replacingOccurrences(of: ". \"", with: " \""),
            details: details)
    }

    static func badRequest(_ message: String) -> APIError {
        APIError(code: 400, reason: "BadRequest", message: message)
    }

    static func methodNotAllowed(_ message: String) -> APIError {
        APIError(code: 405, reason: "MethodNotAllowed", message: message)
    }

    static func gone(_ message: String) -> APIError {
        APIError(code: 410, reason: "Expired", message: message)
    }

    static func forbidden(_ resource: ResourceType, _ name: String, _ message: String) -> APIError {
        APIError(
            code: 403, reason: "Forbidden",
            message: "\(resource.qualifiedName) \"\(name)\" is forbidden: \(message)", details: details(resource, name: name))
    }

    static func pathNotFound(_ path: String) -> APIError {
        APIError(code: 404, reason: "NotFound", message: "the server could not find the requested resource (\(path))")
    }
}
