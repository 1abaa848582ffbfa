import EnsembleSupport
import KubeCore
import Testing

@testable import EnsembleAPI

@Suite struct DefaultingTests {
    @Test func minimalTeamGetsEveryDefault() {
        let spec = Fixtures.minimalTeam().defaulted().spec
        #expect(spec.models[0].baseURL == "https://api.openai.com/v1")
        #expect(spec.models[0].timeoutSeconds == 120)
        #expect(spec.models[0].maxRetries == 2)
        #expect(spec.agents[0].model == "gpt")
        #expect(spec.chat == ChatSettings(mode: .single, maxRounds: 10))
        #expect(spec.sessions == SessionSettings(store: .embedded, ttlSeconds: 86_400))
        #expect(spec.runner == RunnerSettings(replicas: 1))
        #expect(spec.budget == nil && spec.canary == nil)
    }

    @Test func defaultingIsIdempotentAndPure() {
        let team = Fixtures.fullyPopulatedTeam
        let once = team.defaulted()
        #expect(once.defaulted() == once)
        #expect(team == Fixtures.fullyPopulatedTeam)
    }

    @Test func explicitValuesWin() {
        var team = Fixtures.minimalTeam()
        team.spec.models[0].baseURL = "http://vllm:8000/v1"
        team.spec.models[0].timeoutSeconds = 5
        team.spec.chat = ChatSettings(maxRounds: 3)
        #expect(team.defaulted().spec.models[0].baseURL == "http://vllm:8000/v1")
        #expect(team.defaulted().spec.models[0].timeoutSeconds == 5)
        #expect(team.defaulted().spec.chat?.maxRounds == 3)
    }

    @Test func agentModelIsOnlyDefaultedWithASingleModel() {
        var team = Fixtures.minimalTeam()
        team.spec.models.append(ModelEndpoint(name: "other", provider: .openai, model: "gpt-4o"))
        #expect(team.defaulted().spec.agents[0].model == nil)
    }

    @Test func selectorDefaultsToTheFirstAgentsModel() {
        let chat = Fixtures.selectorTeam().defaulted().spec.chat
        #expect(chat?.selector == SelectorSettings(model: "gpt", allowRepeatedSpeaker: false, maxAttempts: 3))
    }

    @Test func autoscalingGetsACPUTargetAndADisruptionBudgetFromTwoReplicas() {
        var team = Fixtures.minimalTeam()
        team.spec.runner = RunnerSettings(autoscaling: Autoscaling(minReplicas: 2, maxReplicas: 5))
        let runner = team.defaulted().spec.runner
        #expect(runner?.replicas == nil)
        #expect(runner?.autoscaling == Autoscaling(minReplicas: 2, maxReplicas: 5, targetCPUUtilizationPercentage: 70))
        #expect(runner?.disruption == DisruptionBudget(maxUnavailable: 1))

        team.spec.runner = RunnerSettings(autoscaling: Autoscaling(maxReplicas: 5, targetInFlightRequests: 4))
        let inFlight = team.defaulted().spec.runner
        #expect(inFlight?.autoscaling == Autoscaling(minReplicas: 1, maxReplicas: 5, targetInFlightRequests: 4))
        #expect(inFlight?.disruption == nil)

        team.spec.runner = RunnerSettings(replicas: 3, disruption: DisruptionBudget(minAvailable: 2))
        #expect(team.defaulted().spec.runner?.disruption == DisruptionBudget(minAvailable: 2))
    }

    @Test func nestedDefaults() {
        var team = Fixtures.minimalTeam()
        team.spec.models = [
            ModelEndpoint(name: "azure", provider: .azureOpenAI, model: "gpt-4o", baseURL: "https://x.openai.azure.com", apiKeySecretRef: SecretKeySelector(name: "a", key: "k")),
            ModelEndpoint(name: "replay", provider: .replay, replay: ReplayScript(responses: [ReplayResponse(content: "hi")])),
        ]
        team.spec.budget = Budget(perUser: UserRateLimit(requestsPerWindow: 10), perTeam: TeamBudget(tokensPerDay: 10))
        team.spec.access = AccessPolicy(oidc: OIDCAccess(issuerURL: "https://issuer", audiences: ["a"]))
        team.spec.canary = Canary(overlay: CanaryOverlay(image: "runner:2"))
        let spec = team.defaulted().spec
        #expect(spec.models[0].azure?.apiVersion == AzureOpenAISettings.defaultAPIVersion)
        #expect(spec.models[0].baseURL == "https://x.openai.azure.com")
        #expect(spec.models[1].replay?.whenExhausted == .cycle)
        #expect(spec.models[1].baseURL == nil)
        #expect(spec.budget?.perUser?.windowSeconds == 3600)
        #expect(spec.budget?.perTeam?.timeZone == "UTC")
        #expect(spec.access.oidc?.userClaim == "sub")
        #expect(spec.canary?.weight == 0 && spec.canary?.mirror == false)
    }

    @Test func canaryOverlayReplacesByNameAndAdds() throws {
        let spec = try #require(Fixtures.fullyPopulatedTeam.spec.applyingCanary())
        #expect(spec.canary == nil)
        #expect(spec.models.map(\.name) == ["gpt", "azure", "offline"])
        #expect(spec.models[0].model == "gpt-4.1-mini")
        #expect(spec.agents.first { $0.name == "critic" }?.systemMessage == "Review strictly.")
        #expect(spec.chat?.mode == .roundRobin)
        #expect(spec.runner?.image == "ghcr.io/ensemble/ensemble:1.1.0")
        #expect(Fixtures.minimalTeam().spec.applyingCanary() == nil)
    }
}
