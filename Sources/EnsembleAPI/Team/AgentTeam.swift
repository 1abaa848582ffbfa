import KubeCore

/// A team of LLM agents served behind an HTTP API by the runners the operator deploys for it.
public struct AgentTeam: Sendable, Hashable, Codable {
    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    public var spec: AgentTeamSpec
    public var status: AgentTeamStatus?

    public static let kind = "AgentTeam"
    public static let plural = "agentteams"
    /// The team's name is the prefix of its children's names (NAME-runner-canary), and Services need DNS-1035.
    public static let nameMaxLength = 49

    public init(metadata: ObjectMeta, spec: AgentTeamSpec, status: AgentTeamStatus? = nil) {
        apiVersion = EnsembleGroup.apiVersion
        kind = Self.kind
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }

    /// The team with every default applied; validation and the operator read this form.
    public func defaulted() -> AgentTeam {
        var team = self
        team.spec = spec.defaulted()
        return team
    }

    /// Every way the team breaks the API's rules: the schema's and the CEL rules' checks, repeated for objects
    /// stored before a rule existed, plus the references CEL does not check. Empty when the team is valid.
    public func validate() -> [ValidationError] {
        let nameErrors = metadata.name.map {
            SchemaValidator.validate(.string($0), against: Self.nameSchema, at: FieldPath("metadata.name"))
        }
        return (nameErrors ?? [])
            + SchemaCheck.violations(of: spec, against: AgentTeamSpec.schema, at: FieldPath("spec"))
            + spec.crossFieldViolations(at: FieldPath("spec"))
    }

    /// The team's name prefixes its children's names (NAME-runner-canary), and Service names must start with a
    /// letter. A CRD may constrain `metadata.name` (and nothing else of the metadata) in its schema.
    public static var nameSchema: Schema {
        .string(
            "Name of the team: a lowercase letter, then lowercase letters, digits and '-', at most \(nameMaxLength) characters. It prefixes the names of the team's Service and Deployments."
        ).pattern("^[a-z]([-a-z0-9]*[a-z0-9])?$").maxLength(nameMaxLength)
    }
}

extension AgentTeam: SchemaDescribed {
    public static var schema: Schema {
        .object(
            "AgentTeam runs a team of LLM agents (a group chat with speaker selection and termination rules) behind an HTTP chat API, with token budgets, rate limits, shared sessions and autoscaling.",
            properties: [
                "apiVersion": .string("Versioned schema of this object: ensemble.dev/v1alpha1."),
                "kind": .string("Kind of this object: AgentTeam."),
                "metadata": ObjectMeta.schema.with(property: "name", nameSchema),
                "spec": .field(AgentTeamSpec.self, "The desired state of the team."),
                "status": .field(AgentTeamStatus.self, "The observed state of the team, written by the operator."),
            ],
            required: ["spec"])
    }
}
