import EnsembleSupport

extension FieldSet {
    /// One step down an object: a field of a map, an element of a map list by its keys, an element of a set by its
    /// value, or an element of a list by its position.
    public enum PathElement: Sendable, Hashable, Comparable, CustomStringConvertible {
        case field(String)
        case key([String: JSONValue])
        case value(JSONValue)
        case index(Int)

        /// Reads a key of the `FieldsV1` encoding: `f:name`, `k:{"name":"web"}`, `v:"value"`, `i:0`.
        public init(fieldsV1Key: String) throws(FieldSetDecodingError) {
            let payload = String(fieldsV1Key.dropFirst(2))
            switch fieldsV1Key.prefix(2) {
            case "f:":
                self = .field(payload)
            case "k:":
                guard let parsed = try? JSONText.parse(payload), case .object(let keys) = parsed, !keys.isEmpty else {
                    throw FieldSetDecodingError(key: fieldsV1Key, reason: "the key fields are not a JSON object")
                }
                self = .key(keys)
            case "v:":
                guard let parsed = try? JSONText.parse(payload) else {
                    throw FieldSetDecodingError(key: fieldsV1Key, reason: "the value is not JSON")
                }
                self = .value(parsed)
            case "i:":
                guard let index = Int(payload), index >= 0 else {
                    throw FieldSetDecodingError(key: fieldsV1Key, reason: "the index is not a non-negative integer")
                }
                self = .index(index)
            default:
                throw FieldSetDecodingError(key: fieldsV1Key, reason: "the prefix is none of f:, k:, v:, i:")
            }
        }

        /// The key of this element in the `FieldsV1` encoding.
        public var fieldsV1Key: String {
            switch self {
            case .field(let name): "f:\(name)"
            case .key(let keys): "k:\(JSONText.string(.object(keys)))"
            case .value(let value): "v:\(JSONText.string(value))"
            case .index(let index): "i:\(index)"
            }
        }

        /// How the apiserver prints the element in conflict messages: `.name`, `[name="web"]`, `[="value"]`, `[0]`.
        public var description: String {
            switch self {
            case .field(let name):
                return ".\(name)"
            case .key(let keys):
                let pairs = keys.keys.sorted().map { "\($0)=\(JSONText.string(keys[$0]!))" }
                return "[\(pairs.joined(separator: ","))]"
            case .value(let value):
                return "[=\(JSONText.string(value))]"
            case .index(let index):
                return "[\(index)]"
            }
        }

        /// Fields before keys before values before indices, as structured-merge-diff orders them.
        public static func < (lhs: PathElement, rhs: PathElement) -> Bool {
            if lhs.rank != rhs.rank { return lhs.rank < rhs.rank }
            if case .index(let left) = lhs, case .index(let right) = rhs { return left < right }
            return lhs.fieldsV1Key < rhs.fieldsV1Key
        }

        private var rank: Int {
            switch self {
            case .field: 0
            case .key: 1
            case .value: 2
            case .index: 3
            }
        }
    }
}
