/// What a team is: its models, agents and how they chat, its limits, who may use it and how it runs.
public struct AgentTeamSpec: Sendable, Hashable, Codable {
    public var models: [ModelEndpoint]
    public var agents: [AgentDefinition]
    public var chat: ChatSettings?
    public var budget: Budget?
    public var sessions: SessionSettings?
    public var access: AccessPolicy
    public var canary: Canary?
    public var runner: RunnerSettings?

    public init(
        models: [ModelEndpoint], agents: [AgentDefinition], chat: ChatSettings? = nil, budget: Budget? = nil,
        sessions: SessionSettings? = nil, access: AccessPolicy, canary: Canary? = nil, runner: RunnerSettings? = nil
    ) {
        self.models = models
        self.agents = agents
        self.chat = chat
        self.budget = budget
        self.sessions = sessions
        self.access = access
        self.canary = canary
        self.runner = runner
    }

    /// Every field the API server would default, plus those whose default depends on other fields: an agent's
    /// model when the team has one model, the selector's model, one replica, a disruption budget from two replicas.
    public func defaulted() -> AgentTeamSpec {
        var spec = self
        spec.models = models.map { $0.defaulted() }
        let onlyModel = models.count == 1 ? models[0].name : nil
        spec.agents = agents.map { agent in
            var agent = agent
            agent.model = agent.model ?? onlyModel
            return agent
        }
        spec.chat = (chat ?? ChatSettings()).defaulted(firstAgentModel: spec.agents.first?.model)
        spec.budget = budget?.defaulted()
        spec.sessions = (sessions ?? SessionSettings()).defaulted()
        spec.access = access.defaulted()
        spec.canary = canary?.defaulted(firstAgentModel: spec.agents.first?.model)
        spec.runner = (runner ?? RunnerSettings()).defaulted()
        return spec
    }

    public static let crossFieldRules: [CrossFieldRule<AgentTeamSpec>] = [
        CrossFieldRule(
            cel: "self.agents.all(a, has(a.model) ? self.models.exists(m, m.name == a.model) : size(self.models) == 1)",
            message: "every agent's model must name an entry of spec.models (it may be omitted when exactly one model is declared)",
            fieldPath: ".agents",
            holds: { spec in
                spec.agents.allSatisfy { agent in
                    agent.model.map { name in spec.models.contains { $0.name == name } } ?? (spec.models.count == 1)
                }
            }),
        CrossFieldRule(
            cel: "(has(self.chat) && has(self.chat.mode) && self.chat.mode != 'single') || size(self.agents) == 1",
            message: "chat mode single needs exactly one agent; choose roundRobin or selector for more",
            fieldPath: ".chat.mode",
            holds: { ($0.chat?.mode ?? ChatSettings.defaultMode) != .single || $0.agents.count == 1 }),
        CrossFieldRule(
            cel: "!has(self.chat) || !has(self.chat.mode) || self.chat.mode != 'selector' || size(self.agents) >= 2",
            message: "chat mode selector needs two or more agents",
            fieldPath: ".chat.mode",
            holds: { $0.chat?.mode != .selector || $0.agents.count >= 2 }),
        CrossFieldRule(
            cel: "!has(self.chat) || !has(self.chat.selector) || !has(self.chat.selector.model) || self.models.exists(m, m.name == self.chat.selector.model)",
            message: "the selector's model must name an entry of spec.models",
            fieldPath: ".chat.selector.model",
            holds: { spec in
                guard let name = spec.chat?.selector?.model else { return true }
                return spec.models.contains { $0.name == name }
            }),
        CrossFieldRule(
            cel: "(has(self.sessions) && has(self.sessions.store) && self.sessions.store == 'redis') || !has(self.runner) || (!has(self.runner.autoscaling) && (!has(self.runner.replicas) || self.runner.replicas <= 1))",
            message: "more than one runner replica (or autoscaling) needs sessions.store redis: the embedded store lives inside one pod",
            fieldPath: ".sessions.store",
            holds: { spec in spec.sessions?.store == .redis || !(spec.runner?.mayRunSeveralReplicas ?? false) }),
        CrossFieldRule(
            cel: "!has(self.budget) || !has(self.budget.perTeam) || !has(self.budget.perTeam.costPerMonth) || self.models.all(m, m.provider == 'replay' || has(m.pricing))",
            message: "budget.perTeam.costPerMonth needs pricing on every model that is not a replay model",
            fieldPath: ".models",
            holds: { spec in
                spec.budget?.perTeam?.costPerMonth == nil
                    || spec.models.allSatisfy { $0.provider == .replay || $0.pricing != nil }
            }),
    ]

    /// Violations of every rule relating fields, at their paths under `path`. Rules CEL cannot express cheaply
    /// are checked here only: termination conditions naming agents, and the spec as the canary overlay changes it.
    func crossFieldViolations(at path: FieldPath) -> [ValidationError] {
        var errors = Self.crossFieldRules.violations(by: self, at: path)
        for (index, model) in models.enumerated() {
            errors += ModelEndpoint.crossFieldRules.violations(by: model, at: path.child("models").index(index))
        }
        if let chat {
            errors += chat.crossFieldViolations(at: path.child("chat"))
        }
        errors += unknownAgentReferences(at: path)
        errors += budget?.crossFieldViolations(at: path.child("budget")) ?? []
        if let sessions {
            errors += SessionSettings.crossFieldRules.violations(by: sessions, at: path.child("sessions"))
        }
        errors += AccessPolicy.crossFieldRules.violations(by: access, at: path.child("access"))
        errors += canaryViolations(at: path)
        errors += runner?.crossFieldViolations(at: path.child("runner")) ?? []
        return errors
    }

    private func unknownAgentReferences(at path: FieldPath) -> [ValidationError] {
        let names = Set(agents.map(\.name))
        let references = chat?.termination?.agentReferences(at: path.child("chat").child("termination")) ?? []
        return references.filter { !names.contains($0.1) }.map { field, name in
            ValidationError(.invalid, at: field, value: .string(name), "must name an entry of spec.agents")
        }
    }

    private func canaryViolations(at path: FieldPath) -> [ValidationError] {
        guard let canary else { return [] }
        let overlayPath = path.child("canary").child("overlay")
        var errors = CanaryOverlay.crossFieldRules.violations(by: canary.overlay, at: overlayPath)
        for (index, model) in (canary.overlay.models ?? []).enumerated() {
            errors += ModelEndpoint.crossFieldRules.violations(by: model, at: overlayPath.child("models").index(index))
        }
        if let chat = canary.overlay.chat {
            errors += chat.crossFieldViolations(at: overlayPath.child("chat"))
        }
        guard let canarySpec = applyingCanary() else { return errors }
        let merged = Self.crossFieldRules.violations(by: canarySpec, at: path)
            + canarySpec.unknownAgentReferences(at: path)
        return errors + merged.map { error in
            ValidationError(error.kind, at: overlayPath, value: error.value, "with the overlay applied, \(error.field): \(error.detail)")
        }
    }
}

extension AgentTeamSpec: SchemaDescribed {
    public static var schema: Schema {
        .object(
            "The desired state of the team: its models, agents and how they chat, its limits, who may use it and how its runners are deployed.",
            properties: [
                "models": ModelEndpoint.listSchema("Chat model endpoints the agents call, by name.").minItems(1),
                "agents": AgentDefinition.listSchema("The agents taking part in the chat, in speaking order for roundRobin.")
                    .minItems(1),
                "chat": .field(ChatSettings.self, "How the agents converse about each message.")
                    .defaulting(to: [:]),
                "budget": .field(Budget.self, "Token and cost limits per session, per user and for the whole team."),
                "sessions": .field(SessionSettings.self, "Where conversations are kept between messages.")
                    .defaulting(to: [:]),
                "access": .field(AccessPolicy.self, "Who may chat with the team. Required: choose none explicitly for an open team."),
                "canary": .field(Canary.self, "A changed version of the team serving a share of new sessions."),
                "runner": .field(RunnerSettings.self, "How the runner pods are deployed."),
            ],
            required: ["models", "agents", "access"]
        ).validated(by: crossFieldRules)
    }
}
