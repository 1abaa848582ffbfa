import EnsembleSupport

/// The CustomResourceDefinitions of the Ensemble API, generated from the Swift types: what `ensemble crds` prints
/// and `config/crd/` holds.
public enum EnsembleCRDs {
    public static let agentTeams = CustomResourceDescriptor(
        group: EnsembleGroup.name, version: EnsembleGroup.version, kind: AgentTeam.kind, plural: AgentTeam.plural,
        singular: "agentteam", shortNames: ["agteam"], categories: [EnsembleGroup.category], namespaced: true,
        schema: AgentTeam.schema,
        printerColumns: [
            PrinterColumn("Mode", .string, ".spec.chat.mode", "How the next speaker is chosen."),
            PrinterColumn("Agents", .string, ".spec.agents[*].name", "The team's agents."),
            PrinterColumn("Ready", .string, #".status.conditions[?(@.type=="Ready")].status"#, "Whether the team serves its current spec."),
            PrinterColumn("Replicas", .integer, ".status.readyReplicas", "Runner pods ready to serve."),
            PrinterColumn("Tokens", .integer, ".status.usage.daily.totalTokens", "Tokens used today."),
            PrinterColumn("Budget", .integer, ".spec.budget.perTeam.tokensPerDay", "Tokens the team may use per day."),
            PrinterColumn("Endpoint", .string, ".status.endpoint", "In-cluster URL of the chat API.", priority: 1),
            PrinterColumn.age,
        ],
        hasStatusSubresource: true)

    public static let agentSessions = CustomResourceDescriptor(
        group: EnsembleGroup.name, version: EnsembleGroup.version, kind: AgentSession.kind,
        plural: AgentSession.plural, singular: "agentsession", shortNames: ["agsession"],
        categories: [EnsembleGroup.category], namespaced: true, schema: AgentSession.schema,
        printerColumns: [
            PrinterColumn("Team", .string, ".spec.teamRef.name", "The team running the session."),
            PrinterColumn("Phase", .string, ".status.phase", "Pending, Running, Succeeded, Failed or Cancelled."),
            PrinterColumn("Stop Reason", .string, ".status.stopReason", "Why the chat stopped."),
            PrinterColumn("Tokens", .integer, ".status.tokenUsage.totalTokens", "Tokens the session used."),
            PrinterColumn("User", .string, ".spec.userID", "The user the session runs for.", priority: 1),
            PrinterColumn.age,
        ],
        hasStatusSubresource: true)

    public static let descriptors = [agentTeams, agentSessions]

    /// The CRDs as JSON objects, AgentTeam first.
    public static func all() -> [JSONValue] {
        descriptors.map(\.jsonValue)
    }

    /// The CRDs as one multi-document YAML stream.
    public static func yaml() -> String {
        YAML.emitAll(all())
    }

    /// The file under `config/crd/` holding each CRD, keyed by file name, as kubebuilder names them.
    public static func files() -> [(name: String, content: String)] {
        descriptors.map { ("\($0.group)_\($0.plural).yaml", YAML.emit($0.jsonValue)) }
    }
}
