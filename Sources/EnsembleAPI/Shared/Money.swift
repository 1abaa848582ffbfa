/// An exact amount of money, written as a decimal string with up to six fractional digits (`"2.50"`) or as a
/// whole number (`500`), and counted internally in millionths of the currency unit.
///
/// All amounts of a team (model prices, budgets, reported cost) are in the same currency, usually US dollars.
public struct Money: Sendable, Hashable, Codable, CustomStringConvertible, ExpressibleByStringLiteral,
    ExpressibleByIntegerLiteral
{
    /// How the amount was written; kept so that an object reads back exactly as it was written.
    public enum Spelling: Sendable, Hashable {
        case decimal(String)
        case whole(Int64)
    }

    public let spelling: Spelling

    public static let pattern = "^(0|[1-9][0-9]{0,11})(\\.[0-9]{1,6})?$"
    public static let largestWholeAmount: Int64 = 999_999_999_999
    private static let microsPerUnit: Int64 = 1_000_000

    public init(_ text: String) {
        spelling = .decimal(text)
    }

    public init(whole amount: Int64) {
        spelling = .whole(amount)
    }

    /// The amount `micros` millionths, written in its shortest decimal form (`0.0125`).
    public init(micros: Int64) {
        let whole = micros / Self.microsPerUnit
        let fraction = micros % Self.microsPerUnit
        guard fraction != 0 else {
            spelling = .decimal(String(whole))
            return
        }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 6 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        spelling = .decimal("\(whole).\(digits)")
    }

    public init(stringLiteral value: String) { self.init(value) }
    public init(integerLiteral value: Int64) { self.init(whole: value) }

    /// The amount in millionths of the currency unit; nil when the amount is malformed or out of range.
    public var micros: Int64? {
        switch spelling {
        case .whole(let amount):
            guard (0...Self.largestWholeAmount).contains(amount) else { return nil }
            return amount * Self.microsPerUnit
        case .decimal(let text):
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            guard (1...2).contains(parts.count), let whole = Self.digits(parts[0], maxCount: 12) else { return nil }
            if parts[0].count > 1, parts[0].hasPrefix("0") { return nil }
            var fraction: Int64 = 0
            if parts.count == 2 {
                guard let value = Self.digits(parts[1], maxCount: 6) else { return nil }
                fraction = value * Self.powerOfTen(6 - parts[1].count)
            }
            return whole * Self.microsPerUnit + fraction
        }
    }

    public var isValid: Bool { micros != nil }

    public var description: String {
        switch spelling {
        case .decimal(let text): text
        case .whole(let amount): String(amount)
        }
    }

    private static func digits(_ text: Substring, maxCount: Int) -> Int64? {
        guard (1...maxCount).contains(text.count), text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int64(text)
    }

    private static func powerOfTen(_ exponent: Int) -> Int64 {
        (0..<exponent).reduce(1) { product, _ in product * 10 }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let amount = try? container.decode(Int64.self) {
            spelling = .whole(amount)
        } else {
            spelling = .decimal(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch spelling {
        case .decimal(let text): try container.encode(text)
        case .whole(let amount): try container.encode(amount)
        }
    }

    /// An amount field documented as `description`.
    public static func schema(_ description: String) -> Schema {
        .intOrString(
            description
                + " Written as a decimal string with up to six fractional digits (\"2.50\") or a whole number (500).")
            .pattern(pattern).minimum(0).maximum(largestWholeAmount)
    }
}
