/// The 16-byte identifier shared by every span of one trace; written as 32 lowercase hex digits.
public struct TraceID: Sendable, Hashable, CustomStringConvertible {
    /// Bytes 0–7, big-endian.
    public let high: UInt64
    /// Bytes 8–15, big-endian: the part ratio-based sampling reads.
    public let low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// A random identifier; never the all-zero one, which W3C Trace Context reserves as invalid.
    public static func random(using generator: inout some RandomNumberGenerator) -> TraceID {
        while true {
            let id = TraceID(high: generator.next(), low: generator.next())
            if id.isValid { return id }
        }
    }

    public static func random() -> TraceID {
        var generator = SystemRandomNumberGenerator()
        return random(using: &generator)
    }

    /// Parses exactly 32 lowercase hex digits.
    public init?(hex: some StringProtocol) {
        let utf8 = Array(hex.utf8)
        guard utf8.count == 32, let high = LowercaseHex.parse(utf8[0..<16]), let low = LowercaseHex.parse(utf8[16..<32])
        else { return nil }
        self.init(high: high, low: low)
    }

    public var isValid: Bool { high != 0 || low != 0 }

    public var hex: String { LowercaseHex.format(high) + LowercaseHex.format(low) }

    public var description: String { hex }
}
