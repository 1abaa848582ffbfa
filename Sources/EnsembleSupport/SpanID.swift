/// The 8-byte identifier of one span; written as 16 lowercase hex digits.
public struct SpanID: Sendable, Hashable, CustomStringConvertible {
    public let value: UInt64

    public init(_ value: UInt64) {
        self.value = value
    }

    /// A random identifier; never the all-zero one, which W3C Trace Context reserves as invalid.
    public static func random(using generator: inout some RandomNumberGenerator) -> SpanID {
        while true {
            let id = SpanID(generator.next())
            if id.isValid { return id }
        }
    }

    public static func random() -> SpanID {
        var generator = SystemRandomNumberGenerator()
        return random(using: &generator)
    }

    /// Parses exactly 16 lowercase hex digits.
    public init?(hex: some StringProtocol) {
        let utf8 = Array(hex.utf8)
        guard utf8.count == 16, let value = LowercaseHex.parse(utf8[...]) else { return nil }
        self.init(value)
    }

    public var isValid: Bool { value != 0 }

    public var hex: String { LowercaseHex.format(value) }

    public var description: String { hex }
}
