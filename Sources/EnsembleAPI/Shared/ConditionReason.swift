/// Every reason Ensemble writes in a condition, in one place so that alerts and tests can rely on them.
public enum ConditionReason {
    // Shared.
    /// The spec breaks a rule of the API; the message lists each field. Nothing is changed until it is fixed.
    public static let invalidSpec = "InvalidSpec"

    // AgentTeam.
    /// Every child object matches the spec and the runners are available.
    public static let reconciled = "Reconciled"
    /// The Deployment is rolling out new runner pods.
    public static let rolloutInProgress = "RolloutInProgress"
    /// Fewer runner pods are ready than desired.
    public static let runnersUnavailable = "RunnersUnavailable"
    /// An object the team would create already exists and is not owned by the team; it is left alone.
    public static let childConflict = "ChildConflict"
    /// A Secret or ConfigMap the spec refers to does not exist (its content is never read by the operator).
    public static let referenceNotFound = "ReferenceNotFound"
    /// Applying a child object failed; the message carries the API server's answer.
    public static let applyFailed = "ApplyFailed"
    /// Usage of the current window is within every per-team budget.
    public static let withinBudget = "WithinBudget"
    /// The tokens of the current day reached `spec.budget.perTeam.tokensPerDay`.
    public static let dailyTokensExhausted = "DailyTokensExhausted"
    /// The cost of the current month reached `spec.budget.perTeam.costPerMonth`.
    public static let monthlyCostExhausted = "MonthlyCostExhausted"
    /// No canary is declared.
    public static let noCanary = "NoCanary"

    // AgentSession.
    /// The team named by `spec.teamRef` does not exist.
    public static let teamNotFound = "TeamNotFound"
    /// The team exists but has no ready runner.
    public static let teamNotReady = "TeamNotReady"
    /// The session was handed to a runner.
    public static let dispatched = "Dispatched"
    /// The runner refused the session (rate limit, budget, invalid input); the message says which.
    public static let rejected = "Rejected"
    /// The session finished; `status.stopReason` says why.
    public static let finished = "Finished"
}
