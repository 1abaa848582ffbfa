/// A patch that could not be applied, with the answer kube-apiserver gives for it.
///
/// The codes follow kube-apiserver's PATCH handler (`k8s.io/apiserver/pkg/endpoints/handlers/patch.go`):
/// - The body does not decode as the patch type's document (a JSON patch that is not an array of operation objects,
///   a strategic merge patch that is not an object, a directive whose value has the wrong shape):
///   400 `BadRequest`, carrying the problem as its message (`errors.NewBadRequest`).
/// - A JSON patch operation that cannot be applied (a failed `test`, a path that does not exist, an unknown `op`):
///   422 `Invalid`. The server builds it with `NewGenericServerResponse(422, …)`, which drops the detail:
///   clients read "the server rejected our request due to an error in our request".
/// - More than 10,000 JSON patch operations: 413 `RequestEntityTooLarge`.
/// - A strategic merge patch for a kind that has no patch strategies (every custom resource): 415
///   `UnsupportedMediaType`.
/// - Strategic merge failures the server does not classify (a list element without its merge key, an unknown
///   `$patch` value, a `$setElementOrder` list that contradicts the patch list) reach the client as a 500 without a
///   reason, carrying the error text as its message (`responsewriters.ErrorToAPIStatus`).
public struct PatchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, coarsely; each kind has one HTTP answer.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private enum Code: String, Sendable {
            case malformedPatch
            case invalidOperation
            case pathNotFound
            case testFailed
            case tooManyOperations
            case unsupportedPatchType
            case mergeFailed
        }

        private let code: Code
        private init(_ code: Code) { self.code = code }

        /// The patch document does not have the shape its patch type requires. 400 BadRequest.
        public static let malformedPatch = Kind(.malformedPatch)
        /// A JSON patch operation is incomplete or impossible (unknown `op`, missing member, bad pointer, moving a
        /// value into its own child), or a strategic merge patch nests lists in lists. 422 Invalid.
        public static let invalidOperation = Kind(.invalidOperation)
        /// A JSON patch operation names a location that does not exist. 422 Invalid.
        public static let pathNotFound = Kind(.pathNotFound)
        /// A JSON patch `test` operation found a different value. 422 Invalid.
        public static let testFailed = Kind(.testFailed)
        /// A JSON patch with more operations than kube-apiserver accepts. 413 RequestEntityTooLarge.
        public static let tooManyOperations = Kind(.tooManyOperations)
        /// A patch type the resource does not support. 415 UnsupportedMediaType.
        public static let unsupportedPatchType = Kind(.unsupportedPatchType)
        /// A strategic merge patch that cannot be merged into the object. 500 without a reason.
        public static let mergeFailed = Kind(.mergeFailed)

        public var description: String { code.rawValue }

        fileprivate var statusCode: Int {
            switch code {
            case .malformedPatch: 400
            case .invalidOperation, .pathNotFound, .testFailed: 422
            case .tooManyOperations: 413
            case .unsupportedPatchType: 415
            case .mergeFailed: 500
            }
        }

        fileprivate var reason: String? {
            switch code {
            case .malformedPatch: "BadRequest"
            case .invalidOperation, .pathNotFound, .testFailed: "Invalid"
            case .tooManyOperations: "RequestEntityTooLarge"
            case .unsupportedPatchType: "UnsupportedMediaType"
            case .mergeFailed: nil
            }
        }
    }

    public let kind: Kind
    /// What exactly went wrong, for logs and test failures.
    public let message: String

    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    /// The HTTP status code kube-apiserver answers with.
    public var statusCode: Int { kind.statusCode }

    /// The `reason` of the `Status` kube-apiserver answers with; nil where it leaves the reason unknown (and omits it).
    public var reason: String? { kind.reason }

    /// The `message` of the `Status` kube-apiserver answers with.
    public var statusMessage: String {
        switch kind {
        case .invalidOperation, .pathNotFound, .testFailed:
            "the server rejected our request due to an error in our request"
        case .tooManyOperations:
            "Request entity too large: \(message)"
        default:
            message
        }
    }

    public var description: String { message }

    /// The error kube-apiserver answers a PATCH with when its content type is not one the resource accepts, as for a
    /// strategic merge patch on a custom resource.
    public static func unsupportedPatchType(accepted mediaTypes: [String]) -> PatchError {
        PatchError(
            kind: .unsupportedPatchType,
            message: "the body of the request was in an unknown format - accepted media types include: "
                + mediaTypes.joined(separator: ", "))
    }
}
