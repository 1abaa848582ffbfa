/// When the chat stops before `maxRounds`: a single check, or any/all of nested conditions, three levels deep
/// at most (a structural schema cannot describe a recursive type).
///
/// `any: [{textMention: {text: TERMINATE}}, {all: [{maxMessages: 10}, {sourceMatch: {sources: [critic]}}]}]`
/// stops when someone says TERMINATE, or when at least ten messages were written and the critic has spoken.
public struct TerminationCondition: Sendable, Hashable, Codable, TerminationLeaves {
    public var textMention: TextMentionCondition?
    public var maxMessages: Int32?
    public var tokenUsage: TokenUsageCondition?
    public var timeoutSeconds: Int32?
    public var sourceMatch: SourceMatchCondition?
    public var any: [NestedTerminationCondition]?
    public var all: [NestedTerminationCondition]?

    public init(
        textMention: TextMentionCondition? = nil, maxMessages: Int32? = nil, tokenUsage: TokenUsageCondition? = nil,
        timeoutSeconds: Int32? = nil, sourceMatch: SourceMatchCondition? = nil,
        any: [NestedTerminationCondition]? = nil, all: [NestedTerminationCondition]? = nil
    ) {
        self.textMention = textMention
        self.maxMessages = maxMessages
        self.tokenUsage = tokenUsage
        self.timeoutSeconds = timeoutSeconds
        self.sourceMatch = sourceMatch
        self.any = any
        self.all = all
    }

    var setFieldCount: Int {
        leafCount + (any != nil ? 1 : 0) + (all != nil ? 1 : 0)
    }

    public static let crossFieldRules: [CrossFieldRule<TerminationCondition>] = [
        TerminationSchema.exactlyOneRule(
            of: TerminationSchema.leafFields + TerminationSchema.compositeFields, count: \.setFieldCount)
    ]

    func crossFieldViolations(at path: FieldPath) -> [ValidationError] {
        Self.crossFieldRules.violations(by: self, at: path) + leafViolations(at: path)
            + children(at: path).flatMap { $0.condition.crossFieldViolations(at: $0.path) }
    }

    /// Every agent name the tree refers to, with its path, to check them against the team's agents.
    func agentReferences(at path: FieldPath) -> [(FieldPath, String)] {
        leafAgentReferences(at: path) + children(at: path).flatMap { $0.condition.agentReferences(at: $0.path) }
    }

    private func children(at path: FieldPath) -> [(path: FieldPath, condition: NestedTerminationCondition)] {
        let anyOf = (any ?? []).enumerated().map { (path.child("any").index($0.offset), $0.element) }
        let allOf = (all ?? []).enumerated().map { (path.child("all").index($0.offset), $0.element) }
        return anyOf + allOf
    }
}

extension TerminationCondition: SchemaDescribed {
    public static var schema: Schema {
        .object(
            "When the chat stops before maxRounds: exactly one of textMention, maxMessages, tokenUsage, timeoutSeconds, sourceMatch, or a group any/all of nested conditions (up to three levels deep). Conditions are checked after every message.",
            properties: TerminationSchema.leafProperties.merging(
                TerminationSchema.compositeProperties(children: NestedTerminationCondition.schema, level: "nested"),
                uniquingKeysWith: { leaf, _ in leaf })
        ).validated(by: crossFieldRules)
    }
}
