import KubeCore

/// One run of a team on an input, declared as an object: like a Job, it runs once and records its result.
public struct AgentSession: Sendable, Hashable, Codable {
    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    public var spec: AgentSessionSpec
    public var status: AgentSessionStatus?

    public static let kind = "AgentSession"
    public static let plural = "agentsessions"

    public init(metadata: ObjectMeta, spec: AgentSessionSpec, status: AgentSessionStatus? = nil) {
        apiVersion = EnsembleGroup.apiVersion
        kind = Self.kind
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }

    /// Every way the spec breaks the schema; empty when the session is valid.
    public func validate() -> [ValidationError] {
        SchemaCheck.violations(of: spec, against: AgentSessionSpec.schema, at: FieldPath("spec"))
    }

    /// What the API server's transition rules would reject when `previous` is updated to this session.
    public func validateUpdate(from previous: AgentSession) -> [ValidationError] {
        validate()
            + AgentSessionSpec.transitionRules.compactMap {
                $0.violation(from: previous.spec, to: spec, at: FieldPath("spec"))
            }
    }
}

extension AgentSession: SchemaDescribed {
    public static var schema: Schema {
        .object(
            "AgentSession runs an AgentTeam once on an input, like a Job: the operator hands it to a runner and records the phase, result, token usage and cost.",
            properties: [
                "apiVersion": .string("Versioned schema of this object: ensemble.dev/v1alpha1."),
                "kind": .string("Kind of this object: AgentSession."),
                "metadata": ObjectMeta.schema,
                "spec": .field(AgentSessionSpec.self, "The task: team, input and user."),
                "status": .field(AgentSessionStatus.self, "The observed state of the session, written by the operator."),
            ],
            required: ["spec"])
    }
}
