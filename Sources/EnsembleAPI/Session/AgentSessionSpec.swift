import KubeCore

/// One task for a team: an input message, run to completion like a Job.
public struct AgentSessionSpec: Sendable, Hashable, Codable {
    public var teamRef: LocalObjectReference
    public var input: String
    public var userID: String
    public var limits: SessionLimits?
    public var ttlSecondsAfterFinished: Int32?
    public var cancel: Bool?

    public init(
        teamRef: LocalObjectReference, input: String, userID: String, limits: SessionLimits? = nil,
        ttlSecondsAfterFinished: Int32? = nil, cancel: Bool? = nil
    ) {
        self.teamRef = teamRef
        self.input = input
        self.userID = userID
        self.limits = limits
        self.ttlSecondsAfterFinished = ttlSecondsAfterFinished
        self.cancel = cancel
    }

    public static let transitionRules: [TransitionRule<AgentSessionSpec>] = [
        TransitionRule(
            cel: "self.teamRef == oldSelf.teamRef && self.input == oldSelf.input && self.userID == oldSelf.userID",
            message: "teamRef, input and userID cannot be changed; create a new session instead",
            holds: { old, new in old.teamRef == new.teamRef && old.input == new.input && old.userID == new.userID }),
        TransitionRule(
            cel: "has(self.limits) == has(oldSelf.limits) && (!has(self.limits) || self.limits == oldSelf.limits)",
            message: "limits cannot be changed after the session was created",
            fieldPath: ".limits",
            holds: { old, new in old.limits == new.limits }),
        TransitionRule(
            cel: "!has(oldSelf.cancel) || !oldSelf.cancel || (has(self.cancel) && self.cancel)",
            message: "a cancelled session cannot be resumed",
            fieldPath: ".cancel",
            holds: { old, new in old.cancel != true || new.cancel == true }),
    ]
}

extension AgentSessionSpec: SchemaDescribed {
    public static var schema: Schema {
        .object(
            "The task: which team, what input, on behalf of whom. Only cancel and ttlSecondsAfterFinished can change after creation.",
            properties: [
                "teamRef": LocalObjectReference.schema("The AgentTeam, in the same namespace, that runs the session."),
                "input": .string("The message the team works on.").minLength(1).maxLength(32768),
                "userID": .string("The user the session runs for: the identity its rate limits, budgets and usage count against.")
                    .minLength(1).maxLength(256),
                "limits": .field(SessionLimits.self, "Limits below the team's for this session."),
                "ttlSecondsAfterFinished": .int32("Seconds after the session finished when it is deleted. Unset keeps it.")
                    .minimum(0),
                "cancel": .boolean("Set to true to stop the session; it ends in phase Cancelled. Cannot be undone."),
            ],
            required: ["teamRef", "input", "userID"]
        ).validated(by: transitionRules)
    }
}
