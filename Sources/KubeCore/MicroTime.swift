import Foundation

/// A point in time with microsecond precision, written as RFC 3339 in UTC with six fractional digits
/// (`metav1.MicroTime`): `2025-01-31T08:00:00.123456Z`. Leases and events use it.
public struct MicroTime: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Microseconds since 1970-01-01T00:00:00Z.
    public let microsecondsSince1970: Int64

    public init(microsecondsSince1970: Int64) {
        self.microsecondsSince1970 = microsecondsSince1970
    }

    /// Truncates `date` to the microsecond.
    public init(_ date: Date) {
        self.init(microsecondsSince1970: Int64((date.timeIntervalSince1970 * 1_000_000).rounded(.down)))
    }

    public static var now: MicroTime { MicroTime(Date()) }

    /// Reads any RFC 3339 date-time; digits beyond the microsecond are dropped.
    public init?(rfc3339 text: String) {
        guard let parsed = RFC3339.parse(text) else { return nil }
        self.init(microsecondsSince1970: parsed.seconds * 1_000_000 + parsed.microseconds)
    }

    public var date: Date { Date(timeIntervalSince1970: TimeInterval(microsecondsSince1970) / 1_000_000) }

    public var description: String {
        let seconds = microsecondsSince1970 >= 0
            ? microsecondsSince1970 / 1_000_000 : (microsecondsSince1970 - 999_999) / 1_000_000
        return RFC3339.format(seconds: seconds, microseconds: microsecondsSince1970 - seconds * 1_000_000)
    }

    public static func < (lhs: MicroTime, rhs: MicroTime) -> Bool {
        lhs.microsecondsSince1970 < rhs.microsecondsSince1970
    }

    public static func + (lhs: MicroTime, rhs: Duration) -> MicroTime {
        let (seconds, attoseconds) = rhs.components
        return MicroTime(microsecondsSince1970: lhs.microsecondsSince1970 + seconds * 1_000_000 + attoseconds / 1_000_000_000_000)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let time = MicroTime(rfc3339: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(text)\" is not an RFC 3339 date-time")
        }
        self = time
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
