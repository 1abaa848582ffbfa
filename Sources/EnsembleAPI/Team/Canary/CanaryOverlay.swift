/// What the canary changes, laid over the team's spec.
public struct CanaryOverlay: Sendable, Hashable, Codable {
    public var image: String?
    public var models: [ModelEndpoint]?
    public var agents: [AgentDefinition]?
    public var chat: ChatSettings?

    public init(
        image: String? = nil, models: [ModelEndpoint]? = nil, agents: [AgentDefinition]? = nil, chat: ChatSettings? = nil
    ) {
        self.image = image
        self.models = models
        self.agents = agents
        self.chat = chat
    }

    public static let crossFieldRules: [CrossFieldRule<CanaryOverlay>] = [
        CrossFieldRule(
            cel: "has(self.image) || has(self.models) || has(self.agents) || has(self.chat)",
            message: "the overlay must change at least one of image, models, agents and chat",
            reason: .fieldValueRequired,
            holds: { $0.image != nil || $0.models != nil || $0.agents != nil || $0.chat != nil })
    ]
}

extension CanaryOverlay: SchemaDescribed {
    public static var schema: Schema {
        .object(
            "Changes the canary makes to the team. Models and agents replace the entries of the same name or are added; chat replaces spec.chat as a whole.",
            properties: [
                "image": .string("Runner image for the canary pods.").minLength(1).maxLength(1024),
                "models": ModelEndpoint.listSchema("Models replacing those of the same name, or added."),
                "agents": AgentDefinition.listSchema("Agents replacing those of the same name, or added."),
                "chat": .field(ChatSettings.self, "Chat settings replacing spec.chat."),
            ]
        ).validated(by: crossFieldRules)
    }
}
