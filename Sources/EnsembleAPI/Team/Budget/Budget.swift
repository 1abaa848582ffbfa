/// Token and cost limits of a team, enforced by the runners across replicas.
public struct Budget: Sendable, Hashable, Codable {
    public var perSession: SessionBudget?
    public var perUser: UserRateLimit?
    public var perTeam: TeamBudget?

    public init(perSession: SessionBudget? = nil, perUser: UserRateLimit? = nil, perTeam: TeamBudget? = nil) {
        self.perSession = perSession
        self.perUser = perUser
        self.perTeam = perTeam
    }

    func defaulted() -> Budget {
        Budget(perSession: perSession, perUser: perUser?.defaulted(), perTeam: perTeam?.defaulted())
    }

    func crossFieldViolations(at path: FieldPath) -> [ValidationError] {
        (perUser.map { UserRateLimit.crossFieldRules.violations(by: $0, at: path.child("perUser")) } ?? [])
            + (perTeam.map { TeamBudget.crossFieldRules.violations(by: $0, at: path.child("perTeam")) } ?? [])
    }
}

extension Budget: SchemaDescribed {
    public static var schema: Schema {
        .object(
            "Token and cost limits, enforced by the runners atomically across replicas: tokens are reserved before each model call and settled with the provider's reported usage after it. Cluster admins can reserve changes to this field to a group with the ValidatingAdmissionPolicy in config/policy.",
            properties: [
                "perSession": .field(SessionBudget.self, "Limits for one conversation."),
                "perUser": .field(UserRateLimit.self, "Request and token rate limits per user."),
                "perTeam": .field(TeamBudget.self, "Daily token and monthly cost budgets of the whole team."),
            ])
    }
}
