import Foundation

/// Decodes `Decodable` types from YAML: the YAML is read into a `JSONValue`, written as exact JSON and decoded with
/// Foundation's `JSONDecoder`, so integers stay exact and decoding errors keep their coding path.
///
/// `.inf`, `-.inf` and `.nan` decode into `Double` and `Float` properties.
public struct YAMLDecoder: Sendable {
    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try decode(type, from: YAML.parse(text))
    }

    /// One value per non-empty document of a multi-document stream.
    public func decodeAll<T: Decodable>(_ type: T.Type, from text: String) throws -> [T] {
        try YAML.parseAll(text).map { try decode(type, from: $0) }
    }

    private func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: NonFiniteSpelling.positiveInfinity, negativeInfinity: NonFiniteSpelling.negativeInfinity,
            nan: NonFiniteSpelling.nan)
        return try decoder.decode(type, from: JSONText.data(Self.spellingNonFiniteNumbers(in: value)))
    }

    /// JSON has no infinities or NaN; they travel as these strings, which the decoder turns back into numbers.
    private enum NonFiniteSpelling {
        static let positiveInfinity = ".inf"
        static let negativeInfinity = "-.inf"
        static let nan = ".nan"
    }

    private static func spellingNonFiniteNumbers(in value: JSONValue) -> JSONValue {
        switch value {
        case .double(let number) where number.isNaN:
            return .string(NonFiniteSpelling.nan)
        case .double(let number) where number.isInfinite:
            return .string(number < 0 ? NonFiniteSpelling.negativeInfinity : NonFiniteSpelling.positiveInfinity)
        case .array(let elements):
            return .array(elements.map(spellingNonFiniteNumbers))
        case .object(let members):
            return .object(members.mapValues(spellingNonFiniteNumbers))
        case .null, .bool, .integer, .double, .string:
            return value
        }
    }
}
