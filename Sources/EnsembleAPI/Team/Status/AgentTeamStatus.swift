import KubeCore

/// The observed state of an AgentTeam, written by the operator.
public struct AgentTeamStatus: Sendable, Hashable, Codable {
    public var observedGeneration: Int64?
    public var conditions: [Condition]?
    public var replicas: Int32?
    public var readyReplicas: Int32?
    public var endpoint: String?
    public var usage: TeamUsage?
    public var canary: CanaryStatus?

    public init(
        observedGeneration: Int64? = nil, conditions: [Condition]? = nil, replicas: Int32? = nil,
        readyReplicas: Int32? = nil, endpoint: String? = nil, usage: TeamUsage? = nil, canary: CanaryStatus? = nil
    ) {
        self.observedGeneration = observedGeneration
        self.conditions = conditions
        self.replicas = replicas
        self.readyReplicas = readyReplicas
        self.endpoint = endpoint
        self.usage = usage
        self.canary = canary
    }
}

extension AgentTeamStatus: SchemaDescribed {
    public static var schema: Schema {
        .object(
            "The observed state of the team, written by the operator.",
            properties: [
                "observedGeneration": .int64("The .metadata.generation this status describes.").minimum(0),
                "conditions": Condition.listSchema.described(
                    "Ready, Progressing, Degraded, BudgetExceeded and CanaryReady. Ready=False with reason InvalidSpec lists every invalid field in its message."
                ),
                "replicas": .int32("Runner pods of the stable version.").minimum(0),
                "readyReplicas": .int32("Runner pods of the stable version ready to serve.").minimum(0),
                "endpoint": .string("In-cluster URL of the team's chat API, such as http://NAME-runner.NAMESPACE.svc:8080.")
                    .maxLength(2048),
                "usage": .field(TeamUsage.self, "Tokens, cost and sessions of the current budget windows."),
                "canary": .field(CanaryStatus.self, "The canary as it currently runs; unset without one."),
            ])
    }
}
