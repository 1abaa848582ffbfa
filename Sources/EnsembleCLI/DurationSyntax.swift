/// Durations written as on kubectl's and Go's command lines: a sequence of decimal numbers with units,
/// such as `30s`, `5m`, `1h30m`, `1.5s` or `250ms`. Units: `ns`, `us` (or `µs`), `ms`, `s`, `m`, `h`.
/// A bare `0` is zero; any other number needs a unit. Negative durations are not accepted.
public enum DurationSyntax {
    private static let nanosecondsPerUnit: [String: Int64] = [
        "ns": 1,
        "us": 1_000,
        "µs": 1_000,
        "ms": 1_000_000,
        "s": 1_000_000_000,
        "m": 60_000_000_000,
        "h": 3_600_000_000_000,
    ]

    public static func parse(_ text: String) -> Duration? {
        if text == "0" { return .zero }
        var remaining = Substring(text)
        var totalNanoseconds: Int64 = 0
        guard !remaining.isEmpty else { return nil }
        while !remaining.isEmpty {
            let integerDigits = remaining.prefix(while: \.isASCIIDigit)
            remaining = remaining.dropFirst(integerDigits.count)
            var fractionDigits = Substring()
            if remaining.first == "." {
                remaining = remaining.dropFirst()
                fractionDigits = remaining.prefix(while: \.isASCIIDigit)
                remaining = remaining.dropFirst(fractionDigits.count)
            }
            guard !integerDigits.isEmpty || !fractionDigits.isEmpty else { return nil }
            let unit = remaining.prefix(while: { !$0.isASCIIDigit && $0 != "." })
            remaining = remaining.dropFirst(unit.count)
            guard let unitNanoseconds = nanosecondsPerUnit[String(unit)],
                  let whole = integerDigits.isEmpty ? 0 : Int64(integerDigits)
            else { return nil }
            let fraction = fractionDigits.isEmpty ? 0 : Double("0." + fractionDigits) ?? 0
            let (scaled, scaleOverflow) = whole.multipliedReportingOverflow(by: unitNanoseconds)
            let (sum, sumOverflow) = totalNanoseconds.addingReportingOverflow(scaled)
            guard !scaleOverflow, !sumOverflow else { return nil }
            let (withFraction, fractionOverflow) = sum.addingReportingOverflow(Int64((fraction * Double(unitNanoseconds)).rounded()))
            guard !fractionOverflow else { return nil }
            totalNanoseconds = withFraction
        }
        return .nanoseconds(totalNanoseconds)
    }

    /// The shortest form `parse` reads back exactly: `1h30m`, `1s500ms`, `0s`.
    public static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0, attoseconds >= 0 else { return "-" + format(.zero - duration) }
        let subsecondNanoseconds = attoseconds / 1_000_000_000
        let parts: [(Int64, String)] = [
            (seconds / 3600, "h"),
            (seconds % 3600 / 60, "m"),
            (seconds % 60, "s"),
            (subsecondNanoseconds / 1_000_000, "ms"),
            (subsecondNanoseconds / 1_000 % 1_000, "us"),
            (subsecondNanoseconds % 1_000, "ns"),
        ]
        let text = parts.filter { $0.0 != 0 }.map { "\($0.0)\($0.1)" }.joined()
        return text.isEmpty ? "0s" : text
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
