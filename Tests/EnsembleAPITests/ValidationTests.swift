import EnsembleSupport
import KubeCore
import Testing

@testable import EnsembleAPI

@Suite struct ValidationTests {
    /// `team` fails validation with an error at `field` whose text contains `text`.
    private func expectError(
        _ team: AgentTeam, at field: String, containing text: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let errors = team.validate()
        #expect(
            errors.contains { $0.field.description == field && $0.description.contains(text) },
            "expected \(field): …\(text)… in:\n\(errors.summary)", sourceLocation: sourceLocation)
    }

    private func expectValid(_ team: AgentTeam, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(team.validate() == [], "\(team.validate().summary)", sourceLocation: sourceLocation)
        #expect(team.defaulted().validate() == [], "\(team.defaulted().validate().summary)", sourceLocation: sourceLocation)
    }

    @Test func goodTeamsAreValid() {
        expectValid(Fixtures.minimalTeam())
        expectValid(Fixtures.selectorTeam())
        expectValid(Fixtures.fullyPopulatedTeam)
    }

    @Test func errorsReadLikeTheAPIServers() {
        var team = Fixtures.minimalTeam()
        team.spec.agents[0].model = "gtp"
        team.spec.models.append(ModelEndpoint(name: "other", provider: .openai, model: "x"))
        let error = team.validate().first
        #expect(error?.description == #"spec.agents: Invalid value: every agent's model must name an entry of spec.models (it may be omitted when exactly one model is declared)"#)
    }

    @Test func teamName() {
        expectError(Fixtures.minimalTeam(name: "1team"), at: "metadata.name", containing: "must match")
        expectError(Fixtures.minimalTeam(name: String(repeating: "a", count: 50)), at: "metadata.name", containing: "Too long: may not be more than 49")
        expectValid(Fixtures.minimalTeam(name: String(repeating: "a", count: 49)))
    }

    @Test func schemaChecksAreRepeatedWithPaths() {
        var team = Fixtures.minimalTeam()
        team.spec.models[0].temperature = 2.5
        team.spec.models[0].name = "GPT"
        team.spec.models[0].timeoutSeconds = 0
        team.spec.agents[0].name = "my agent"
        team.spec.chat = ChatSettings(maxRounds: -1)
        team.spec.budget = Budget(perSession: SessionBudget(maxTokens: -5))
        expectError(team, at: "spec.models[0].temperature", containing: "less than or equal to 2")
        expectError(team, at: "spec.models[0].name", containing: "must match")
        expectError(team, at: "spec.models[0].timeoutSeconds", containing: "greater than or equal to 1")
        expectError(team, at: "spec.agents[0].name", containing: "must match")
        expectError(team, at: "spec.chat.maxRounds", containing: "greater than or equal to 1")
        expectError(team, at: "spec.budget.perSession.maxTokens", containing: "greater than or equal to 1")
    }

    @Test func nonFiniteTemperatureIsReportedNotThrown() {
        var team = Fixtures.minimalTeam()
        team.spec.models[0].temperature = .nan
        expectError(team, at: "spec.models[0].temperature", containing: "must be of type number")
    }

    @Test func namedListsHaveUniqueNames() {
        var team = Fixtures.selectorTeam()
        team.spec.agents[2].name = "planner"
        expectError(team, at: "spec.agents[2]", containing: "Duplicate value")
        var models = Fixtures.minimalTeam()
        models.spec.models.append(models.spec.models[0])
        expectError(models, at: "spec.models[1]", containing: "Duplicate value")
    }

    @Test func listsMayNotBeEmpty() {
        var team = Fixtures.minimalTeam()
        team.spec.agents = []
        expectError(team, at: "spec.agents", containing: "at least 1 items")
    }

    @Test func everyAgentsModelNamesADeclaredModel() {
        var team = Fixtures.minimalTeam()
        team.spec.agents[0].model = "claude"
        expectError(team, at: "spec.agents", containing: "must name an entry of spec.models")
        team.spec.agents[0].model = "gpt"
        expectValid(team)
        team.spec.agents[0].model = nil
        team.spec.models.append(ModelEndpoint(name: "other", provider: .openai, model: "gpt-4o"))
        expectError(team, at: "spec.agents", containing: "may be omitted when exactly one model")
    }

    @Test func chatModeNeedsTheRightNumberOfAgents() {
        var selector = Fixtures.selectorTeam()
        selector.spec.agents.removeLast(2)
        expectError(selector, at: "spec.chat.mode", containing: "selector needs two or more agents")

        var single = Fixtures.selectorTeam()
        single.spec.chat = nil
        expectError(single, at: "spec.chat.mode", containing: "single needs exactly one agent")
        single.spec.chat = ChatSettings(mode: .roundRobin)
        expectValid(single)
    }

    @Test func selectorSettingsNeedSelectorModeAndADeclaredModel() {
        var team = Fixtures.selectorTeam()
        team.spec.chat?.selector = SelectorSettings(model: "nope")
        expectError(team, at: "spec.chat.selector.model", containing: "must name an entry of spec.models")
        team.spec.chat = ChatSettings(mode: .roundRobin, selector: SelectorSettings())
        expectError(team, at: "spec.chat.selector", containing: "only to mode selector")
    }

    @Test func terminationNodesHoldExactlyOneCondition() {
        var team = Fixtures.selectorTeam()
        team.spec.chat?.termination = TerminationCondition(maxMessages: 5, timeoutSeconds: 60)
        expectError(team, at: "spec.chat.termination", containing: "exactly one of textMention")
        team.spec.chat?.termination = TerminationCondition(any: [NestedTerminationCondition(all: [LeafTerminationCondition()])])
        expectError(team, at: "spec.chat.termination.any[0].all[0]", containing: "exactly one of")
        team.spec.chat?.termination = TerminationCondition(all: [NestedTerminationCondition(tokenUsage: TokenUsageCondition())])
        expectError(team, at: "spec.chat.termination.all[0].tokenUsage", containing: "at least one of maxTotalTokens")
        team.spec.chat?.termination = TerminationCondition(any: [])
        expectError(team, at: "spec.chat.termination.any", containing: "at least 1 items")
    }

    @Test func terminationSourcesNameAgents() {
        var team = Fixtures.selectorTeam()
        team.spec.chat?.termination = TerminationCondition(any: [
            NestedTerminationCondition(textMention: TextMentionCondition(text: "TERMINATE", sources: ["critic"])),
            NestedTerminationCondition(all: [LeafTerminationCondition(sourceMatch: SourceMatchCondition(sources: ["reviewer"]))]),
        ])
        expectError(team, at: "spec.chat.termination.any[1].all[0].sourceMatch.sources[0]", containing: #""reviewer": must name an entry of spec.agents"#)
        team.spec.chat?.termination?.any?[1] = NestedTerminationCondition(maxMessages: 8)
        expectValid(team)
    }

    @Test func modelProviderRules() {
        var team = Fixtures.minimalTeam()
        team.spec.models[0].model = nil
        expectError(team, at: "spec.models[0].model", containing: "Required value: model is required unless provider is replay")

        team = Fixtures.minimalTeam()
        team.spec.models[0].replay = ReplayScript(responses: [ReplayResponse(content: "x")])
        expectError(team, at: "spec.models[0].replay", containing: "exactly when provider is replay")

        team.spec.models[0] = ModelEndpoint(name: "gpt", provider: .replay)
        expectError(team, at: "spec.models[0].replay", containing: "exactly when provider is replay")

        team.spec.models[0] = ModelEndpoint(name: "gpt", provider: .replay, baseURL: "http://x", replay: ReplayScript(responses: [ReplayResponse(content: "x")]))
        expectError(team, at: "spec.models[0]", containing: "calls no endpoint")

        team.spec.models[0] = ModelEndpoint(name: "gpt", provider: .azureOpenAI, model: "gpt-4o")
        expectError(team, at: "spec.models[0]", containing: "needs baseURL")

        team.spec.models[0] = ModelEndpoint(name: "gpt", provider: .openai, model: "gpt-4o", azure: AzureOpenAISettings())
        expectError(team, at: "spec.models[0].azure", containing: "only to provider azure-openai")

        team.spec.models[0] = ModelEndpoint(name: "gpt", provider: .openai, model: "gpt-4o", baseURL: "ftp://x")
        expectError(team, at: "spec.models[0].baseURL", containing: "must match")
    }

    @Test func moneyMustBeExact() {
        var team = Fixtures.minimalTeam()
        team.spec.models[0].pricing = ModelPricing(promptPerMillionTokens: "1.2345678", completionPerMillionTokens: "abc")
        expectError(team, at: "spec.models[0].pricing.promptPerMillionTokens", containing: "must match")
        expectError(team, at: "spec.models[0].pricing.completionPerMillionTokens", containing: "must match")
        team.spec.models[0].pricing = ModelPricing(promptPerMillionTokens: Money(whole: -1), completionPerMillionTokens: 1)
        expectError(team, at: "spec.models[0].pricing.promptPerMillionTokens", containing: "greater than or equal to 0")
    }

    @Test func costBudgetNeedsPricing() {
        var team = Fixtures.minimalTeam()
        team.spec.budget = Budget(perTeam: TeamBudget(costPerMonth: "100"))
        expectError(team, at: "spec.models", containing: "needs pricing on every model")
        team.spec.models[0].pricing = ModelPricing(promptPerMillionTokens: "0.15", completionPerMillionTokens: "0.60")
        expectValid(team)
    }

    @Test func budgetsNeedAtLeastOneLimit() {
        var team = Fixtures.minimalTeam()
        team.spec.budget = Budget(perUser: UserRateLimit(windowSeconds: 60), perTeam: TeamBudget(timeZone: "UTC"))
        expectError(team, at: "spec.budget.perUser", containing: "requestsPerWindow and tokensPerMinute")
        expectError(team, at: "spec.budget.perTeam", containing: "tokensPerDay and costPerMonth")
    }

    @Test func severalReplicasNeedRedis() {
        var team = Fixtures.minimalTeam()
        team.spec.runner = RunnerSettings(replicas: 3)
        expectError(team, at: "spec.sessions.store", containing: "needs sessions.store redis")
        team.spec.runner = RunnerSettings(autoscaling: Autoscaling(maxReplicas: 3))
        expectError(team, at: "spec.sessions.store", containing: "needs sessions.store redis")
        team.spec.sessions = SessionSettings(store: .redis, redis: RedisSettings(urlSecretRef: SecretKeySelector(name: "redis", key: "url")))
        expectValid(team)
        team.spec.sessions?.redis = nil
        expectError(team, at: "spec.sessions.redis", containing: "exactly when store is redis")
    }

    @Test func replicasAndAutoscalingAreExclusive() {
        var team = Fixtures.minimalTeam()
        team.spec.sessions = SessionSettings(store: .redis, redis: RedisSettings(urlSecretRef: SecretKeySelector(name: "r", key: "u")))
        team.spec.runner = RunnerSettings(replicas: 2, autoscaling: Autoscaling(maxReplicas: 4))
        expectError(team, at: "spec.runner.replicas", containing: "Forbidden: replicas and autoscaling are mutually exclusive")
        team.spec.runner = RunnerSettings(autoscaling: Autoscaling(minReplicas: 5, maxReplicas: 4))
        expectError(team, at: "spec.runner.autoscaling.minReplicas", containing: "must not exceed maxReplicas")
        team.spec.runner = RunnerSettings(autoscaling: Autoscaling(minReplicas: 4, maxReplicas: 4, targetCPUUtilizationPercentage: 101))
        expectError(team, at: "spec.runner.autoscaling.targetCPUUtilizationPercentage", containing: "less than or equal to 100")
    }

    @Test func disruptionBudgetTakesExactlyOneBound() {
        var team = Fixtures.minimalTeam()
        team.spec.runner = RunnerSettings(disruption: DisruptionBudget(minAvailable: 1, maxUnavailable: 1))
        expectError(team, at: "spec.runner.disruption", containing: "exactly one of minAvailable and maxUnavailable")
        team.spec.runner = RunnerSettings(disruption: DisruptionBudget(maxUnavailable: "150%"))
        expectError(team, at: "spec.runner.disruption.maxUnavailable", containing: "must match")
        team.spec.runner = RunnerSettings(disruption: DisruptionBudget(maxUnavailable: "25%"))
        expectValid(team)
    }

    @Test func runnerPodFields() {
        var team = Fixtures.minimalTeam()
        team.spec.runner = RunnerSettings(
            resources: EnsembleAPI.ResourceRequirements(requests: ["cpu": "lots"]),
            tolerations: [Toleration(key: "k", operator: "Exists", value: "v")],
            env: [
                EnvVar(name: "ENSEMBLE_MODE", value: "x"),
                EnvVar(name: "A", value: "1", valueFrom: EnvVarSource(secretKeyRef: SecretKeySelector(name: "s", key: "k"))),
                EnvVar(name: "B", valueFrom: EnvVarSource()),
            ],
            podLabels: ["app.kubernetes.io/name": "x"])
        expectError(team, at: "spec.runner.resources.requests[cpu]", containing: "must match")
        expectError(team, at: "spec.runner.tolerations[0].value", containing: "must be empty when operator is Exists")
        expectError(team, at: "spec.runner.env[0].name", containing: "reserved for the operator")
        expectError(team, at: "spec.runner.env[1]", containing: "mutually exclusive")
        expectError(team, at: "spec.runner.env[2].valueFrom", containing: "exactly one of secretKeyRef")
        expectError(team, at: "spec.runner.podLabels", containing: "must not use the app.kubernetes.io/ prefix")
    }

    @Test func accessNeedsExactlyOneMode() {
        var team = Fixtures.minimalTeam()
        team.spec.access = AccessPolicy()
        expectError(team, at: "spec.access", containing: "exactly one of apiKeys, oidc, trustedHeader and none")
        team.spec.access = AccessPolicy(apiKeys: APIKeyAccess(secretRef: LocalObjectReference(name: "keys")), unauthenticated: NoAccessControl())
        expectError(team, at: "spec.access", containing: "exactly one of")
        team.spec.access = AccessPolicy(oidc: OIDCAccess(issuerURL: "http://insecure", audiences: []))
        expectError(team, at: "spec.access.oidc.issuerURL", containing: "must match")
        expectError(team, at: "spec.access.oidc.audiences", containing: "at least 1 items")
        team.spec.access = AccessPolicy(trustedHeader: TrustedHeaderAccess(header: "X-Forwarded-User"))
        expectValid(team)
    }

    @Test func canaryOverlayIsValidatedAsApplied() {
        var team = Fixtures.selectorTeam()
        team.spec.canary = Canary(weight: 150, overlay: CanaryOverlay())
        expectError(team, at: "spec.canary.weight", containing: "less than or equal to 100")
        expectError(team, at: "spec.canary.overlay", containing: "must change at least one of")

        team.spec.canary = Canary(overlay: CanaryOverlay(agents: [AgentDefinition(name: "critic", model: "missing")]))
        expectError(team, at: "spec.canary.overlay", containing: "with the overlay applied, spec.agents: every agent's model")

        team.spec.canary = Canary(overlay: CanaryOverlay(chat: ChatSettings(mode: .single)))
        expectError(team, at: "spec.canary.overlay", containing: "single needs exactly one agent")

        team.spec.canary = Canary(overlay: CanaryOverlay(models: [ModelEndpoint(name: "gpt", provider: .openai)]))
        expectError(team, at: "spec.canary.overlay.models[0].model", containing: "required unless provider is replay")

        team.spec.canary = Canary(weight: 20, overlay: CanaryOverlay(models: [ModelEndpoint(name: "gpt", provider: .openai, model: "gpt-4.1")]))
        expectValid(team)
    }

    @Test func sessionsValidateTheirSchema() {
        var session = Fixtures.fullyPopulatedSession
        #expect(session.validate() == [])
        session.spec.input = ""
        session.spec.limits = SessionLimits(maxTokens: 0, maxRounds: -1, timeoutSeconds: 0)
        let fields = Set(session.validate().map(\.field.description))
        #expect(fields == ["spec.input", "spec.limits.maxTokens", "spec.limits.maxRounds", "spec.limits.timeoutSeconds"])
    }

    @Test func sessionSpecIsImmutableExceptCancelAndTTL() {
        let original = Fixtures.fullyPopulatedSession
        var changed = original
        changed.spec.ttlSecondsAfterFinished = 10
        changed.spec.cancel = true
        #expect(changed.validateUpdate(from: original) == [])

        var retargeted = original
        retargeted.spec.input = "Something else"
        #expect(retargeted.validateUpdate(from: original).map(\.field.description) == ["spec"])

        var relimited = original
        relimited.spec.limits = nil
        #expect(relimited.validateUpdate(from: original).map(\.field.description) == ["spec.limits"])

        var resumed = changed
        resumed.spec.cancel = false
        #expect(resumed.validateUpdate(from: changed).map(\.description) == ["spec.cancel: Invalid value: a cancelled session cannot be resumed"])
    }
}
