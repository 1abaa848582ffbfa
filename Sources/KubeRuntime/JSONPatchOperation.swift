import EnsembleSupport

/// One operation of an RFC 6902 JSON patch (`application/json-patch+json`).
public enum JSONPatchOperation: Sendable, Hashable {
    /// Fails the whole patch unless the value at `path` equals `value`.
    case test(path: String, value: JSONValue)
    case add(path: String, value: JSONValue)
    case remove(path: String)
    case replace(path: String, value: JSONValue)

    public var jsonValue: JSONValue {
        switch self {
        case .test(let path, let value): ["op": "test", "path": .string(path), "value": value]
        case .add(let path, let value): ["op": "add", "path": .string(path), "value": value]
        case .remove(let path): ["op": "remove", "path": .string(path)]
        case .replace(let path, let value): ["op": "replace", "path": .string(path), "value": value]
        }
    }

    /// The patch document: an array of operations.
    public static func document(_ operations: [JSONPatchOperation]) -> JSONValue {
        .array(operations.map(\.jsonValue))
    }
}
