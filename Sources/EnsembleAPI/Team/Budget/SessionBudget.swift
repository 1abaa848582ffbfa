/// The most one conversation may use.
public struct SessionBudget: Sendable, Hashable, Codable {
    public var maxTokens: Int64

    public init(maxTokens: Int64) {
        self.maxTokens = maxTokens
    }
}

extension SessionBudget: SchemaDescribed {
    public static var schema: Schema {
        .object(
            "Limits for one conversation (session), across all its messages.",
            properties: [
                "maxTokens": .int64(
                    "Most tokens (prompt plus completion) one session may use. Tokens are reserved before each model call, so a session never goes over; a message that would is refused with 429."
                ).range(1...1_000_000_000)
            ],
            required: ["maxTokens"])
    }
}
