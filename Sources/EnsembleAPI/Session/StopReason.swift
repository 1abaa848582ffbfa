/// Why a session's chat stopped. An open set: a newer runner may report reasons this version does not name.
public struct StopReason: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// A textMention condition matched.
    public static let textMention = StopReason(rawValue: "TextMention")
    /// A maxMessages condition was reached.
    public static let maxMessages = StopReason(rawValue: "MaxMessages")
    /// A tokenUsage condition was reached.
    public static let tokenUsage = StopReason(rawValue: "TokenUsage")
    /// A timeoutSeconds condition of the termination rules, or the session's own limit, elapsed.
    public static let timeout = StopReason(rawValue: "Timeout")
    /// A sourceMatch condition matched.
    public static let sourceMatch = StopReason(rawValue: "SourceMatch")
    /// The chat used all its rounds (`spec.chat.maxRounds` or the session's `limits.maxRounds`).
    public static let maxRounds = StopReason(rawValue: "MaxRounds")
    /// A further model call would exceed the session's token limit.
    public static let sessionBudgetExhausted = StopReason(rawValue: "SessionBudgetExhausted")
    /// The team's daily tokens or monthly cost are spent.
    public static let teamBudgetExhausted = StopReason(rawValue: "TeamBudgetExhausted")
    /// The user is over a per-user rate limit.
    public static let rateLimited = StopReason(rawValue: "RateLimited")
    /// `spec.cancel` was set.
    public static let cancelled = StopReason(rawValue: "Cancelled")
    /// A model endpoint failed after its retries.
    public static let modelError = StopReason(rawValue: "ModelError")
    /// The runner failed or became unreachable.
    public static let runnerError = StopReason(rawValue: "RunnerError")
}
