import EnsembleSupport

/// A change to send with PATCH, in one of the API server's patch formats. Server-side apply has its own call.
public enum Patch: Sendable, Hashable {
    /// RFC 7386 JSON merge patch: `null` removes a field, lists are replaced whole.
    case merge(JSONValue)
    /// RFC 6902 JSON patch; a failing `test` operation rejects the whole patch.
    case json([JSONPatchOperation])
    /// Kubernetes strategic merge patch (built-in types only): lists merge by their keys.
    case strategicMerge(JSONValue)

    var contentType: String {
        switch self {
        case .merge: "application/merge-patch+json"
        case .json: "application/json-patch+json"
        case .strategicMerge: "application/strategic-merge-patch+json"
        }
    }

    var body: JSONValue {
        switch self {
        case .merge(let value), .strategicMerge(let value): value
        case .json(let operations): .array(operations.map(\.jsonValue))
        }
    }
}
