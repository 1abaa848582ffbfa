/// A resource quantity such as `250m`, `1Gi` or `2`, kept as written. The API server always returns strings;
/// manifests may write plain numbers, which are read into their text.
public struct Quantity: Sendable, Hashable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var text: String

    public init(_ text: String) { self.text = text }
    public init(stringLiteral value: String) { self.text = value }

    public var description: String { text }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let integer = try? container.decode(Int64.self) {
            text = String(integer)
        } else if let text = try? container.decode(String.self) {
            self.text = text
        } else {
            text = String(try container.decode(Double.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
