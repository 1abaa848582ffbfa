/// How the agents converse: who speaks next and when the conversation ends.
public struct ChatSettings: Sendable, Hashable, Codable {
    public var mode: ChatMode?
    public var selector: SelectorSettings?
    public var maxRounds: Int32?
    public var termination: TerminationCondition?

    public init(
        mode: ChatMode? = nil, selector: SelectorSettings? = nil, maxRounds: Int32? = nil,
        termination: TerminationCondition? = nil
    ) {
        self.mode = mode
        self.selector = selector
        self.maxRounds = maxRounds
        self.termination = termination
    }

    public static let defaultMode = ChatMode.single
    public static let defaultMaxRounds: Int32 = 10

    func defaulted(firstAgentModel: String?) -> ChatSettings {
        var chat = self
        chat.mode = mode ?? Self.defaultMode
        chat.maxRounds = maxRounds ?? Self.defaultMaxRounds
        if chat.mode == .selector {
            chat.selector = (selector ?? SelectorSettings()).defaulted(firstAgentModel: firstAgentModel)
        } else {
            chat.selector = selector?.defaulted(firstAgentModel: firstAgentModel)
        }
        return chat
    }

    public static let crossFieldRules: [CrossFieldRule<ChatSettings>] = [
        CrossFieldRule(
            cel: "!has(self.selector) || (has(self.mode) && self.mode == 'selector')",
            message: "selector applies only to mode selector",
            fieldPath: ".selector", reason: .fieldValueForbidden,
            holds: { $0.selector == nil || $0.mode == .selector })
    ]

    func crossFieldViolations(at path: FieldPath) -> [ValidationError] {
        Self.crossFieldRules.violations(by: self, at: path)
            + (termination?.crossFieldViolations(at: path.child("termination")) ?? [])
    }
}

extension ChatSettings: SchemaDescribed {
    public static var schema: Schema {
        .object(
            "How the agents converse about each message: who speaks next and when the conversation ends.",
            properties: [
                "mode": .enumeration(
                    ChatMode.self,
                    "single: the one agent answers each message. roundRobin: agents speak in the order declared. selector: a model picks the next speaker from the agents' descriptions (needs two or more agents)."
                ).defaulting(to: .string(defaultMode.rawValue)),
                "selector": .field(SelectorSettings.self, "Speaker selection settings; only for mode selector."),
                "maxRounds": .int32(
                    "Most agent turns for one message. The chat always stops here, whatever the termination conditions say."
                ).range(1...1000).defaulting(to: .integer(Int64(defaultMaxRounds))),
                "termination": .field(
                    TerminationCondition.self,
                    "When the chat stops before maxRounds. Unset: it stops after maxRounds turns (one turn in mode single)."
                ),
            ]
        ).validated(by: crossFieldRules)
    }
}
