/// A condition at the second level of the termination tree: a single check, or any/all of single checks.
public struct NestedTerminationCondition: Sendable, Hashable, Codable, TerminationLeaves {
    public var textMention: TextMentionCondition?
    public var maxMessages: Int32?
    public var tokenUsage: TokenUsageCondition?
    public var timeoutSeconds: Int32?
    public var sourceMatch: SourceMatchCondition?
    public var any: [LeafTerminationCondition]?
    public var all: [LeafTerminationCondition]?

    public init(
        textMention: TextMentionCondition? = nil, maxMessages: Int32? = nil, tokenUsage: TokenUsageCondition? = nil,
        timeoutSeconds: Int32? = nil, sourceMatch: SourceMatchCondition? = nil,
        any: [LeafTerminationCondition]? = nil, all: [LeafTerminationCondition]? = nil
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

    public static let crossFieldRules: [CrossFieldRule<NestedTerminationCondition>] = [
        TerminationSchema.exactlyOneRule(
            of: TerminationSchema.leafFields + TerminationSchema.compositeFields, count: \.setFieldCount)
    ]

    func crossFieldViolations(at path: FieldPath) -> [ValidationError] {
        Self.crossFieldRules.violations(by: self, at: path) + leafViolations(at: path)
            + children(at: path).flatMap { $0.condition.crossFieldViolations(at: $0.path) }
    }

    func agentReferences(at path: FieldPath) -> [(FieldPath, String)] {
        leafAgentReferences(at: path) + children(at: path).flatMap { $0.condition.agentReferences(at: $0.path) }
    }

    private func children(at path: FieldPath) -> [(path: FieldPath, condition: LeafTerminationCondition)] {
        let anyOf = (any ?? []).enumerated().map { (path.child("any").index($0.offset), $0.element) }
        let allOf = (all ?? []).enumerated().map { (path.child("all").index($0.offset), $0.element) }
        return anyOf + allOf
    }
}

extension NestedTerminationCondition: SchemaDescribed {
    public static var schema: Schema {
        .object(
            "A stop check or a group of them (second level of the tree): exactly one of textMention, maxMessages, tokenUsage, timeoutSeconds, sourceMatch, any, all.",
            properties: TerminationSchema.leafProperties.merging(
                TerminationSchema.compositeProperties(children: LeafTerminationCondition.schema, level: "single"),
                uniquingKeysWith: { leaf, _ in leaf })
        ).validated(by: crossFieldRules)
    }
}
