import Foundation
import HTTP
import KubeCore

/// Why a Kubernetes API call failed: the server's `Status`, a transport failure, a response that could not be
/// decoded, or credentials that could not be obtained. Never holds a token or other credential.
public struct KubeError: Error, Sendable, CustomStringConvertible {
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private enum Code: String, Sendable {
            case api, transport, decoding, credentials, truncatedWatch, invalidRequest
        }

        private let code: Code
        private init(_ code: Code) { self.code = code }

        /// The server answered with an error status; `status` holds its `metav1.Status`.
        public static let api = Kind(.api)
        /// The request never got an answer: see `transportError`.
        public static let transport = Kind(.transport)
        /// The answer did not decode into the expected type: see `decoding`.
        public static let decoding = Kind(.decoding)
        /// Credentials could not be obtained (exec plugin, token file).
        public static let credentials = Kind(.credentials)
        /// A watch stream ended in the middle of an event.
        public static let truncatedWatch = Kind(.truncatedWatch)
        /// The request could not be built (for example an object without a name).
        public static let invalidRequest = Kind(.invalidRequest)

        public var description: String { code.rawValue }
    }

    /// Where decoding a response failed.
    public struct DecodingFailure: Sendable, Hashable, CustomStringConvertible {
        /// The Swift type being decoded, such as `ObjectList<Deployment>`.
        public var typeName: String
        /// The JSON path of the failing field, such as `items[0].spec.replicas`; empty for the document itself.
        public var fieldPath: String
        /// What was wrong there, as `DecodingError` says it.
        public var reason: String

        public var description: String {
            "cannot decode \(typeName)" + (fieldPath.isEmpty ? "" : " at \(fieldPath)") + ": \(reason)"
        }
    }

    public let kind: Kind
    /// The server's status for `.api` errors, synthesised from the HTTP status when the body held none.
    public let status: Status?
    /// The HTTP status code, when the server answered.
    public let statusCode: Int?
    /// How long the server asked the client to wait before retrying (`Retry-After` or `details.retryAfterSeconds`).
    public let retryAfter: Duration?
    public let transportError: HTTPClientError?
    public let decoding: DecodingFailure?
    /// What the client was doing: `GET /api/v1/namespaces/default/configmaps/x`.
    public let operation: String
    private let message: String

    private init(
        kind: Kind, operation: String, message: String, status: Status? = nil, statusCode: Int? = nil,
        retryAfter: Duration? = nil, transportError: HTTPClientError? = nil, decoding: DecodingFailure? = nil
    ) {
        self.kind = kind
        self.operation = operation
        self.message = message
        self.status = status
        self.statusCode = statusCode
        self.retryAfter = retryAfter
        self.transportError = transportError
        self.decoding = decoding
    }

    static func api(_ status: Status, statusCode: Int, retryAfter: Duration?, operation: String) -> KubeError {
        KubeError(
            kind: .api, operation: operation, message: "\(statusCode) \(status.reason ?? ""): \(status.message ?? "")",
            status: status, statusCode: statusCode, retryAfter: retryAfter)
    }

    static func transport(_ error: HTTPClientError, operation: String) -> KubeError {
        KubeError(kind: .transport, operation: operation, message: error.description, transportError: error)
    }

    static func decoding(_ error: any Error, typeName: String, operation: String) -> KubeError {
        let failure = DecodingFailure(error, typeName: typeName)
        return KubeError(kind: .decoding, operation: operation, message: failure.description, decoding: failure)
    }

    static func credentials(_ message: String, operation: String = "authenticate") -> KubeError {
        KubeError(kind: .credentials, operation: operation, message: message)
    }

    static func truncatedWatch(bytes: Int, operation: String) -> KubeError {
        KubeError(
            kind: .truncatedWatch, operation: operation,
            message: "the watch stream ended inside an event (\(bytes) bytes of an unfinished line dropped)")
    }

    static func invalidRequest(_ message: String, operation: String) -> KubeError {
        KubeError(kind: .invalidRequest, operation: operation, message: message)
    }

    public var description: String { "\(operation): \(message)" }

    private var reason: String? { status?.reason }

    public var isNotFound: Bool { reason == "NotFound" || (reason == nil && statusCode == 404) }
    public var isAlreadyExists: Bool { reason == "AlreadyExists" }
    public var isConflict: Bool { reason == "Conflict" || (statusCode == 409 && reason != "AlreadyExists") }
    public var isGone: Bool { reason == "Gone" || reason == "Expired" || statusCode == 410 }
    public var isInvalid: Bool { reason == "Invalid" || (reason == nil && statusCode == 422) }
    public var isTooManyRequests: Bool { reason == "TooManyRequests" || statusCode == 429 }
    public var isForbidden: Bool { reason == "Forbidden" || (reason == nil && statusCode == 403) }
    public var isUnauthorized: Bool { reason == "Unauthorized" || (reason == nil && statusCode == 401) }
    public var isServerTimeout: Bool { reason == "ServerTimeout" || reason == "Timeout" || statusCode == 504 }
    /// The field errors of an `Invalid` answer.
    public var causes: [StatusCause] { status?.details?.causes ?? [] }
}

extension KubeError.DecodingFailure {
    init(_ error: any Error, typeName: String) {
        self.typeName = typeName
        guard let decodingError = error as? DecodingError else {
            fieldPath = ""
            reason = String(describing: error)
            return
        }
        let context: DecodingError.Context
        var reason: String
        switch decodingError {
        case .typeMismatch(let type, let errorContext):
            context = errorContext
            reason = "expected \(type): \(errorContext.debugDescription)"
        case .valueNotFound(let type, let errorContext):
            context = errorContext
            reason = "expected \(type) but found null: \(errorContext.debugDescription)"
        case .keyNotFound(let key, let errorContext):
            context = errorContext
            reason = "required field \"\(key.stringValue)\" is missing"
        case .dataCorrupted(let errorContext):
            context = errorContext
            reason = errorContext.debugDescription
            if let underlying = errorContext.underlyingError { reason += " (\(underlying.localizedDescription))" }
        @unknown default:
            context = DecodingError.Context(codingPath: [], debugDescription: String(describing: decodingError))
            reason = context.debugDescription
        }
        self.reason = reason
        fieldPath = Self.path(context.codingPath)
    }

    static func path(_ codingPath: [any CodingKey]) -> String {
        var path = ""
        for key in codingPath {
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += (path.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return path
    }
}
