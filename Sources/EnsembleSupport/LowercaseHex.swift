/// Fixed-width lowercase hexadecimal, as W3C Trace Context and OTLP/JSON write identifiers.
enum LowercaseHex {
    private static let digits = Array("0123456789abcdef".utf8)

    /// Sixteen digits, zero-padded.
    static func format(_ value: UInt64) -> String {
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<16 {
            bytes[15 - index] = digits[Int((value >> (UInt64(index) * 4)) & 0xF)]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Up to sixteen lowercase digits; nil for anything else (uppercase included, as W3C requires lowercase).
    static func parse(_ utf8: ArraySlice<UInt8>) -> UInt64? {
        guard !utf8.isEmpty, utf8.count <= 16 else { return nil }
        var value: UInt64 = 0
        for byte in utf8 {
            guard let nibble = nibble(byte) else { return nil }
            value = value << 4 | UInt64(nibble)
        }
        return value
    }

    static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
