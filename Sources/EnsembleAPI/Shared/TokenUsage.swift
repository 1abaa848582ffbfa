/// Tokens used, as the model providers reported them.
public struct TokenUsage: Sendable, Hashable, Codable {
    public var promptTokens: Int64
    public var completionTokens: Int64
    public var totalTokens: Int64

    public init(promptTokens: Int64 = 0, completionTokens: Int64 = 0) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.totalTokens = promptTokens + completionTokens
    }
}

extension TokenUsage: SchemaDescribed {
    public static var schema: Schema {
        .object(
            "Tokens used, as the model providers reported them.",
            properties: [
                "promptTokens": .int64("Prompt (input) tokens.").minimum(0),
                "completionTokens": .int64("Completion (output) tokens.").minimum(0),
                "totalTokens": .int64("Prompt plus completion tokens.").minimum(0),
            ],
            required: ["promptTokens", "completionTokens", "totalTokens"])
    }
}
