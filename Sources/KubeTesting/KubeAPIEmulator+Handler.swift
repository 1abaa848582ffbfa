import Foundation
import EnsembleSupport
import HTTP

/// A resource request after routing: what it targets and which verb it is.
struct ResourceRequest {
    let resource: ResourceType
    let namespace: String?
    let name: String?
    let subresource: String?
    let verb: String
    let http: HTTPServerRequest

    var dryRun: Bool { http.queryItems.contains { $0.name == "dryRun" && $0.value == "All" } }
    var fieldManager: String? { http.query("fieldManager") }
    var force: Bool { http.query("force") == "true" }
    var userAgent: String? { http.headers["User-Agent"] }
    /// The response's `Warning` headers.
    func warningHeaders(_ warnings: [String]) -> HTTPHeaders {
        var headers = HTTPHeaders()
        for warning in warnings {
            headers.add(name: "Warning", value: "299 - \"\(warning.replacingOccurrences(of: "\"", with: "\\\""))\"")
        }
        return headers
    }
}

extension KubeAPIEmulator {
    /// Serves one request in-process (the HTTP server calls this too).
    public func handle(_ request: HTTPServerRequest) async -> HTTPServerResponse {
        let target = state.withLock { state in
            RequestTarget.parse(request.path) { group, version, plural in
                state.resource(group: group, version: version, plural: plural)?.namespaced ?? false
            }
        }
        do {
            switch target {
            case .version: return .json(Discovery.version)
            case .health: return .text("ok")
            case .coreGroups: return .json(Discovery.coreVersions(serverAddress: request.headers["Host"] ?? ""))
            case .groups: return .json(state.withLock { Discovery.groupList($0) })
            case .group(let name):
                guard let group = state.withLock({ Discovery.group(name, $0) }) else {
                    throw APIError.pathNotFound(request.path)
                }
                return .json(group)
            case .resourceList(let group, let version):
                guard let list = state.withLock({ Discovery.resourceList(group: group, version: version, $0) }) else {
                    throw APIError.pathNotFound(request.path)
                }
                return .json(list)
            case .openAPIRoot:
                return .json(state.withLock { OpenAPIDocuments.root($0) })
            case .openAPIGroupVersion(let group, let version):
                guard let document = state.withLock({ OpenAPIDocuments.groupVersion(group: group, version: version, $0) })
                else { throw APIError.pathNotFound(request.path) }
                return .json(document)
            case .openAPIUnsupported, nil:
                throw APIError.pathNotFound(request.path)
            case .resource(let group, let version, let plural, let namespace, let name, let subresource):
                guard let resource = state.withLock({ $0.resource(group: group, version: version, plural: plural) })
                else { throw APIError.pathNotFound(request.path) }
                let routed = try route(resource, namespace: namespace, name: name, subresource: subresource, request)
                if let delay = faults.delay(verb: routed.verb, resource: resource.plural) {
                    try? await Task.sleep(for: delay)
                }
                if let error = faults.failure(verb: routed.verb, resource: resource.plural) { throw error }
                return try await serve(routed)
            }
        } catch let error as APIError {
            if error.code >= 500 { logger?.warning("request failed", metadata: ["path": .string(request.path), "code": .integer(Int64(error.code))]) }
            return Self.response(for: error)
        } catch {
            logger?.error("internal error", metadata: ["path": .string(request.path), "error": .string("\(error)")])
            return Self.response(for: APIError(code: 500, reason: "InternalError", message: "Internal error occurred"))
        }
    }

    static func response(for error: APIError) -> HTTPServerResponse {
        var response = HTTPServerResponse.json(error.status, status: error.code)
        if let retryAfter = error.retryAfterSeconds {
            response.headers.add(name: "Retry-After", value: String(retryAfter))
        }
        return response
    }

    private func route(
        _ resource: ResourceType, namespace: String?, name: String?, subresource: String?, _ request: HTTPServerRequest
    ) throws(APIError) -> ResourceRequest {
        if resource.namespaced == false, namespace != nil { throw APIError.pathNotFound(request.path) }
        if let subresource {
            let known = (subresource == "status" && resource.hasStatus) || (subresource == "scale" && resource.scale != nil)
            guard known else { throw APIError.pathNotFound(request.path) }
        }
        let isCollection = name == nil
        let verb: String
        switch (request.method, isCollection) {
        case (.get, true), (.head, true):
            verb = ["true", "1"].contains(request.query("watch") ?? "") ? "watch" : "list"
        case (.get, false), (.head, false): verb = "get"
        case (.post, true): verb = "create"
        case (.put, false): verb = "update"
        case (.patch, false): verb = "patch"
        case (.delete, false): verb = "delete"
        case (.delete, true): verb = "deletecollection"
        default:
            throw APIError.methodNotAllowed("the server does not allow this method on the requested resource")
        }
        return ResourceRequest(
            resource: resource, namespace: resource.namespaced ? namespace : nil, name: name, subresource: subresource,
            verb: verb, http: request)
    }

    private func serve(_ request: ResourceRequest) async throws -> HTTPServerResponse {
        switch request.verb {
        case "get": return .json(try get(request))
        case "list": return .json(try list(request))
        case "watch": return try watch(request)
        case "create":
            let (object, warnings) = try create(request)
            var response = HTTPServerResponse.json(object, status: 201)
            response.headers = merged(response.headers, request.warningHeaders(warnings))
            return response
        case "update", "patch":
            let (written, warnings, created) = try write(request)
            let object = request.subresource == "scale" ? Scale.document(of: written, request.resource) : written
            var response = HTTPServerResponse.json(object, status: created ? 201 : 200)
            response.headers = merged(response.headers, request.warningHeaders(warnings))
            return response
        case "delete": return .json(try delete(request))
        case "deletecollection": return .json(try deleteCollection(request))
        default: throw APIError.methodNotAllowed("unsupported verb \(request.verb)")
        }
    }

    private func merged(_ first: HTTPHeaders, _ second: HTTPHeaders) -> HTTPHeaders {
        var headers = first
        for field in second { headers.add(name: field.name, value: field.value) }
        return headers
    }

    /// Reads a request body as JSON, or YAML when it says so.
    static func decodeBody(_ request: HTTPServerRequest) throws(APIError) -> JSONValue {
        let contentType = request.headers["Content-Type"] ?? "application/json"
        do {
            if contentType.contains("yaml") {
                return try YAML.parse(String(decoding: request.body, as: UTF8.self))
            }
            return try JSONText.parse(request.body)
        } catch {
            throw APIError.badRequest("the body of the request was in an unknown format: \(error)")
        }
    }
}
