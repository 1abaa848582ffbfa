/// A condition at the third and deepest level of the termination tree: a single check, no further nesting.
public struct LeafTerminationCondition: Sendable, Hashable, Codable, TerminationLeaves {
    public var textMention: TextMentionCondition?
    public var maxMessages: Int32?
    public var tokenUsage: TokenUsageCondition?
    public var timeoutSeconds: Int32?
    public var sourceMatch: SourceMatchCondition?

    public init(
        textMention: TextMentionCondition? = nil, maxMessages: Int32? = nil, tokenUsage: TokenUsageCondition? = nil,
        timeoutSeconds: Int32? = nil, sourceMatch: SourceMatchCondition? = nil
    ) {
        self.textMention = textMention
        self.maxMessages = maxMessages
        self.tokenUsage = tokenUsage
        self.timeoutSeconds = timeoutSeconds
        self.sourceMatch = sourceMatch
    }

    public static let crossFieldRules: [CrossFieldRule<LeafTerminationCondition>] = [
        TerminationSchema.exactlyOneRule(of: TerminationSchema.leafFields, count: \.leafCount)
    ]

    func crossFieldViolations(at path: FieldPath) -> [ValidationError] {
        Self.crossFieldRules.violations(by: self, at: path) + leafViolations(at: path)
    }

    func agentReferences(at path: FieldPath) -> [(FieldPath, String)] {
        leafAgentReferences(at: path)
    }
}

extension LeafTerminationCondition: SchemaDescribed {
    public static var schema: Schema {
        .object(
            "A single stop check (the deepest level of the tree): exactly one of textMention, maxMessages, tokenUsage, timeoutSeconds, sourceMatch.",
            properties: TerminationSchema.leafProperties
        ).validated(by: crossFieldRules)
    }
}
