/// The condition types Ensemble writes on its resources.
public enum ConditionType {
    /// AgentTeam: the runners are available and serve the current spec. AgentSession: the session was accepted
    /// by its team.
    public static let ready = "Ready"
    /// AgentTeam: a rollout of a new spec (or canary) is under way.
    public static let progressing = "Progressing"
    /// AgentTeam: serving, but with fewer ready runners than desired or with an unreachable dependency.
    public static let degraded = "Degraded"
    /// AgentTeam: a per-team budget of the current window is spent; new chats are refused until it resets.
    public static let budgetExceeded = "BudgetExceeded"
    /// AgentTeam: the canary overlay's runners are available and receive their share of traffic.
    public static let canaryReady = "CanaryReady"
}
