/// A `FieldsV1` document that does not describe a set of field paths.
public struct FieldSetDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The offending key of the encoding, empty when the document itself is malformed.
    public let key: String
    public let reason: String

    public init(key: String, reason: String) {
        self.key = key
        self.reason = reason
    }

    public var description: String {
        key.isEmpty ? "invalid FieldsV1: \(reason)" : "invalid FieldsV1 key \(key): \(reason)"
    }
}
