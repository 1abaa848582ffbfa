import EnsembleAPI
import EnsembleSupport
import Foundation
import KubeCore

/// Teams and sessions the tests build on.
enum Fixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func minimalTeam(name: String = "assistant") -> AgentTeam {
        AgentTeam(
            metadata: ObjectMeta(name: name, namespace: "default"),
            spec: AgentTeamSpec(
                models: [ModelEndpoint(name: "gpt", provider: .openai, model: "gpt-4o-mini")],
                agents: [AgentDefinition(name: "assistant", systemMessage: "You are a helpful assistant.")],
                access: AccessPolicy(unauthenticated: NoAccessControl())))
    }

    /// A team of three agents with a selector, as a variation point for validation tests.
    static func selectorTeam() -> AgentTeam {
        var team = minimalTeam(name: "research")
        team.spec.agents = [
            AgentDefinition(name: "planner", description: "Breaks the task into steps."),
            AgentDefinition(name: "writer", description: "Writes the answer."),
            AgentDefinition(name: "critic", description: "Reviews the answer."),
        ]
        team.spec.chat = ChatSettings(mode: .selector)
        return team
    }

    static let timestamp = Time(rfc3339: "2025-03-01T12:00:00Z")!

    /// Teams that together set every field the schema declares; `access` and the termination tree's leaves are
    /// unions, so one team cannot hold them all.
    static var fullyPopulatedTeams: [AgentTeam] {
        let leafVariants = [
            LeafTerminationCondition(textMention: TextMentionCondition(text: "DONE", sources: ["critic"])),
            LeafTerminationCondition(maxMessages: 20),
            LeafTerminationCondition(tokenUsage: TokenUsageCondition(maxTotalTokens: 1, maxPromptTokens: 1, maxCompletionTokens: 1)),
            LeafTerminationCondition(timeoutSeconds: 60),
            LeafTerminationCondition(sourceMatch: SourceMatchCondition(sources: ["critic"])),
        ]
        let nested = [
            NestedTerminationCondition(any: leafVariants),
            NestedTerminationCondition(all: leafVariants),
            NestedTerminationCondition(textMention: TextMentionCondition(text: "TERMINATE", sources: ["writer"])),
            NestedTerminationCondition(maxMessages: 30),
            NestedTerminationCondition(tokenUsage: TokenUsageCondition(maxTotalTokens: 5000, maxPromptTokens: 4000, maxCompletionTokens: 1000)),
            NestedTerminationCondition(timeoutSeconds: 300),
            NestedTerminationCondition(sourceMatch: SourceMatchCondition(sources: ["critic"])),
        ]
        let rootLeaves = [
            TerminationCondition(any: nested),
            TerminationCondition(all: nested),
            TerminationCondition(textMention: TextMentionCondition(text: "TERMINATE", sources: ["writer"])),
            TerminationCondition(maxMessages: 12),
            TerminationCondition(tokenUsage: TokenUsageCondition(maxTotalTokens: 300, maxPromptTokens: 100, maxCompletionTokens: 200)),
            TerminationCondition(timeoutSeconds: 600),
            TerminationCondition(sourceMatch: SourceMatchCondition(sources: ["critic"])),
        ]
        let accessVariants = [
            AccessPolicy(apiKeys: APIKeyAccess(secretRef: LocalObjectReference(name: "team-keys"))),
            AccessPolicy(oidc: OIDCAccess(issuerURL: "https://issuer.example.com", audiences: ["ensemble"], userClaim: "email", groupsClaim: "groups")),
            AccessPolicy(trustedHeader: TrustedHeaderAccess(header: "X-Forwarded-User")),
            AccessPolicy(unauthenticated: NoAccessControl()),
        ]
        return zip(rootLeaves.indices, rootLeaves).map { index, termination in
            var team = fullyPopulatedTeam
            team.spec.chat?.termination = termination
            team.spec.access = accessVariants[index % accessVariants.count]
            if index.isMultiple(of: 2) {
                team.spec.runner?.autoscaling = nil
                team.spec.runner?.replicas = 2
                team.spec.runner?.disruption = DisruptionBudget(maxUnavailable: 1)
            }
            return team
        }
    }

    static var fullyPopulatedTeam: AgentTeam {
        let chat = ChatSettings(
            mode: .selector,
            selector: SelectorSettings(model: "gpt", prompt: "Pick one of {participants}.", allowRepeatedSpeaker: true, maxAttempts: 2),
            maxRounds: 12,
            termination: TerminationCondition(maxMessages: 12))
        let models = [
            ModelEndpoint(
                name: "gpt", provider: .openai, model: "gpt-4o-mini", baseURL: "https://api.openai.com/v1",
                apiKeySecretRef: SecretKeySelector(name: "openai", key: "api-key"), temperature: 0.3, maxTokens: 1024,
                timeoutSeconds: 60, maxRetries: 3,
                pricing: ModelPricing(promptPerMillionTokens: "0.15", completionPerMillionTokens: "0.60")),
            ModelEndpoint(
                name: "azure", provider: .azureOpenAI, model: "gpt-4o", baseURL: "https://example.openai.azure.com",
                apiKeySecretRef: SecretKeySelector(name: "azure", key: "key"),
                azure: AzureOpenAISettings(deployment: "gpt4o-prod", apiVersion: "2024-10-21"),
                pricing: ModelPricing(promptPerMillionTokens: 5, completionPerMillionTokens: 15)),
            ModelEndpoint(
                name: "offline", provider: .replay,
                replay: ReplayScript(
                    responses: [ReplayResponse(content: "Hello", promptTokens: 10, completionTokens: 2, delayMilliseconds: 5)],
                    whenExhausted: .repeatLast)),
        ]
        let runner = RunnerSettings(
            image: "ghcr.io/ensemble/ensemble:1.0.0", imagePullPolicy: .ifNotPresent,
            autoscaling: Autoscaling(minReplicas: 2, maxReplicas: 10, targetCPUUtilizationPercentage: 70, targetInFlightRequests: 8),
            disruption: DisruptionBudget(minAvailable: "50%"),
            resources: EnsembleAPI.ResourceRequirements(requests: ["cpu": "250m", "memory": "512Mi"], limits: ["cpu": 1, "memory": "1Gi"]),
            nodeSelector: ["kubernetes.io/os": "linux"],
            tolerations: [Toleration(key: "dedicated", operator: "Equal", value: "llm", effect: "NoSchedule", tolerationSeconds: 30)],
            affinity: ["podAntiAffinity": ["preferredDuringSchedulingIgnoredDuringExecution": []]],
            topologySpreadConstraints: [["maxSkew": 1, "topologyKey": "topology.kubernetes.io/zone"]],
            priorityClassName: "high", serviceAccountName: "research-runner",
            env: [
                EnvVar(name: "LOG_LEVEL", value: "info"),
                EnvVar(name: "OTEL_EXPORTER_OTLP_ENDPOINT", valueFrom: EnvVarSource(configMapKeyRef: ConfigMapKeySelector(name: "otel", key: "endpoint"))),
                EnvVar(name: "EXTRA_TOKEN", valueFrom: EnvVarSource(secretKeyRef: SecretKeySelector(name: "extra", key: "token"))),
            ],
            podAnnotations: ["prometheus.io/scrape": "true"], podLabels: ["team": "research"])
        let spec = AgentTeamSpec(
            models: models,
            agents: [
                AgentDefinition(name: "planner", description: "Plans.", systemMessage: "Plan the work.", model: "gpt"),
                AgentDefinition(name: "writer", description: "Writes.", systemMessage: "Write.", model: "azure"),
                AgentDefinition(name: "critic", description: "Reviews.", systemMessage: "Review.", model: "offline"),
            ],
            chat: chat,
            budget: Budget(
                perSession: SessionBudget(maxTokens: 20_000),
                perUser: UserRateLimit(requestsPerWindow: 100, windowSeconds: 3600, tokensPerMinute: 10_000),
                perTeam: TeamBudget(tokensPerDay: 1_000_000, costPerMonth: "500.00", timeZone: "Europe/Berlin")),
            sessions: SessionSettings(
                store: .redis, redis: RedisSettings(urlSecretRef: SecretKeySelector(name: "redis", key: "url"), keyPrefix: "ensemble:research:"),
                ttlSeconds: 3600),
            access: AccessPolicy(unauthenticated: NoAccessControl()),
            canary: Canary(
                weight: 10, mirror: true,
                overlay: CanaryOverlay(
                    image: "ghcr.io/ensemble/ensemble:1.1.0",
                    models: [ModelEndpoint(name: "gpt", provider: .openai, model: "gpt-4.1-mini", pricing: ModelPricing(promptPerMillionTokens: "0.40", completionPerMillionTokens: "1.60"))],
                    agents: [AgentDefinition(name: "critic", description: "Reviews strictly.", systemMessage: "Review strictly.", model: "gpt")],
                    chat: ChatSettings(mode: .roundRobin, maxRounds: 6))),
            runner: runner)
        let window = UsageWindow(
            windowStart: timestamp, resetTime: timestamp, promptTokens: 10, completionTokens: 5, cost: "0.01", sessions: 1)
        let status = AgentTeamStatus(
            observedGeneration: 3,
            conditions: [Condition(type: ConditionType.ready, status: .true, observedGeneration: 3, lastTransitionTime: timestamp, reason: ConditionReason.reconciled, message: "")],
            replicas: 2, readyReplicas: 2, endpoint: "http://research-runner.default.svc:8080",
            usage: TeamUsage(daily: window, monthly: window),
            canary: CanaryStatus(weight: 10, replicas: 1, readyReplicas: 1))
        return AgentTeam(
            metadata: ObjectMeta(name: "research", namespace: "default", labels: ["app": "research"]),
            spec: spec, status: status)
    }

    static var fullyPopulatedSession: AgentSession {
        AgentSession(
            metadata: ObjectMeta(name: "summary-1", namespace: "default"),
            spec: AgentSessionSpec(
                teamRef: LocalObjectReference(name: "research"), input: "Summarise the report.", userID: "alice",
                limits: SessionLimits(maxTokens: 5000, maxRounds: 4, timeoutSeconds: 120), ttlSecondsAfterFinished: 3600,
                cancel: false),
            status: AgentSessionStatus(
                observedGeneration: 1, phase: .succeeded, stopReason: .textMention, startTime: timestamp,
                completionTime: timestamp, rounds: 3, tokenUsage: TokenUsage(promptTokens: 100, completionTokens: 50),
                cost: "0.0001", result: "Done.", resultTruncated: false, runnerSessionID: "7f9c",
                conditions: [Condition(type: ConditionType.ready, status: .true, observedGeneration: 1, lastTransitionTime: timestamp, reason: ConditionReason.dispatched, message: "")]))
    }

    /// `object` with only the metadata fields `schema` describes: the API server checks the others itself.
    static func describedContent(of object: JSONValue, by schema: Schema) -> JSONValue {
        var content = object
        let declared = schema.properties["metadata"]?.properties.keys.map { $0 } ?? []
        content["metadata"] = .object(
            (object["metadata"]?.objectValue ?? [:]).filter { declared.contains($0.key) })
        return content
    }

    static func json<T: Encodable>(_ value: T) throws -> JSONValue {
        try JSONText.parse(JSONEncoder().encode(value))
    }
}
