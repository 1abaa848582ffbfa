/// How much one user may ask of the team.
public struct UserRateLimit: Sendable, Hashable, Codable {
    public var requestsPerWindow: Int32?
    public var windowSeconds: Int32?
    public var tokensPerMinute: Int64?

    public init(requestsPerWindow: Int32? = nil, windowSeconds: Int32? = nil, tokensPerMinute: Int64? = nil) {
        self.requestsPerWindow = requestsPerWindow
        self.windowSeconds = windowSeconds
        self.tokensPerMinute = tokensPerMinute
    }

    public static let defaultWindowSeconds: Int32 = 3600

    func defaulted() -> UserRateLimit {
        var limit = self
        limit.windowSeconds = windowSeconds ?? Self.defaultWindowSeconds
        return limit
    }

    public static let crossFieldRules: [CrossFieldRule<UserRateLimit>] = [
        CrossFieldRule(
            cel: "has(self.requestsPerWindow) || has(self.tokensPerMinute)",
            message: "at least one of requestsPerWindow and tokensPerMinute must be set",
            reason: .fieldValueRequired,
            holds: { $0.requestsPerWindow != nil || $0.tokensPerMinute != nil })
    ]
}

extension UserRateLimit: SchemaDescribed {
    public static var schema: Schema {
        .object(
            "Limits per user, the user being the identity spec.access verified. Shared by all runner replicas; a request over a limit gets 429 with Retry-After.",
            properties: [
                "requestsPerWindow": .int32("Most chat requests one user may send per window.").range(1...10_000_000),
                "windowSeconds": .int32("Length of the request window in seconds.")
                    .range(1...2_592_000).defaulting(to: .integer(Int64(defaultWindowSeconds))),
                "tokensPerMinute": .int64("Most tokens one user's requests may use per minute.").range(1...1_000_000_000),
            ]
        ).validated(by: crossFieldRules)
    }
}
