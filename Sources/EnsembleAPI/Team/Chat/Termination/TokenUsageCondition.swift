/// Stops the chat once it used a number of tokens.
public struct TokenUsageCondition: Sendable, Hashable, Codable {
    public var maxTotalTokens: Int64?
    public var maxPromptTokens: Int64?
    public var maxCompletionTokens: Int64?

    public init(maxTotalTokens: Int64? = nil, maxPromptTokens: Int64? = nil, maxCompletionTokens: Int64? = nil) {
        self.maxTotalTokens = maxTotalTokens
        self.maxPromptTokens = maxPromptTokens
        self.maxCompletionTokens = maxCompletionTokens
    }

    public static let crossFieldRules: [CrossFieldRule<TokenUsageCondition>] = [
        CrossFieldRule(
            cel: "has(self.maxTotalTokens) || has(self.maxPromptTokens) || has(self.maxCompletionTokens)",
            message: "at least one of maxTotalTokens, maxPromptTokens and maxCompletionTokens must be set",
            reason: .fieldValueRequired,
            holds: { $0.maxTotalTokens != nil || $0.maxPromptTokens != nil || $0.maxCompletionTokens != nil })
    ]
}

extension TokenUsageCondition: SchemaDescribed {
    public static var schema: Schema {
        .object(
            "Stops the chat after its model calls used this many tokens, as the providers report them. Unlike spec.budget.perSession, it ends the chat normally with the answer so far.",
            properties: [
                "maxTotalTokens": .int64("Stop once prompt plus completion tokens reach this number.").minimum(1),
                "maxPromptTokens": .int64("Stop once prompt tokens reach this number.").minimum(1),
                "maxCompletionTokens": .int64("Stop once completion tokens reach this number.").minimum(1),
            ]
        ).validated(by: crossFieldRules)
    }
}
