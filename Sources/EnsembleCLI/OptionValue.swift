/// One typed value of a command-line option, after parsing.
public enum OptionValue: Sendable, Hashable {
    case string(String)
    case int(Int)
    case duration(Duration)
    case bool(Bool)
}

extension OptionValue {
    /// How the value is written on a command line, as help shows defaults.
    var commandLineText: String {
        switch self {
        case .string(let text): return text
        case .int(let number): return String(number)
        case .duration(let duration): return DurationSyntax.format(duration)
        case .bool(let flag): return flag ? "true" : "false"
        }
    }
}
