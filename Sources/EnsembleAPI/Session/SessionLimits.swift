/// Limits of one session, below those of its team.
public struct SessionLimits: Sendable, Hashable, Codable {
    public var maxTokens: Int64?
    public var maxRounds: Int32?
    public var timeoutSeconds: Int32?

    public init(maxTokens: Int64? = nil, maxRounds: Int32? = nil, timeoutSeconds: Int32? = nil) {
        self.maxTokens = maxTokens
        self.maxRounds = maxRounds
        self.timeoutSeconds = timeoutSeconds
    }
}

extension SessionLimits: SchemaDescribed {
    public static var schema: Schema {
        .object(
            "Limits for this session. They can only lower the team's: where the team's limit is lower, it applies.",
            properties: [
                "maxTokens": .int64("Most tokens the session may use.").range(1...1_000_000_000),
                "maxRounds": .int32("Most agent turns.").range(1...1000),
                "timeoutSeconds": .int32("Most seconds the chat may run.").range(1...86_400),
            ])
    }
}
