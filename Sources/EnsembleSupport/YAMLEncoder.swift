import Foundation

/// Encodes `Encodable` values as YAML: Foundation's `JSONEncoder` writes JSON, which is read into a `JSONValue`
/// and emitted as block-style YAML with sorted keys. Optionals that are nil are left out, as `JSONEncoder` does.
///
/// Like `JSONEncoder`, it throws for infinite and NaN floating-point values. A whole `Double` such as `2.0` is
/// written as `2`, as JSON tools write it.
public struct YAMLEncoder: Sendable {
    public init() {}

    public func encode<T: Encodable>(_ value: T) throws -> String {
        YAML.emit(try jsonValue(of: value))
    }

    /// The values as one multi-document stream, separated by `---` lines.
    public func encodeAll<T: Encodable>(_ values: [T]) throws -> String {
        YAML.emitAll(try values.map(jsonValue))
    }

    private func jsonValue<T: Encodable>(of value: T) throws -> JSONValue {
        try JSONText.parse(JSONEncoder().encode(value))
    }
}
