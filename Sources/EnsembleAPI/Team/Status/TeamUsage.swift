/// What a team used in its current budget windows.
public struct TeamUsage: Sendable, Hashable, Codable {
    public var daily: UsageWindow?
    public var monthly: UsageWindow?

    public init(daily: UsageWindow? = nil, monthly: UsageWindow? = nil) {
        self.daily = daily
        self.monthly = monthly
    }
}

extension TeamUsage: SchemaDescribed {
    public static var schema: Schema {
        .object(
            "Usage of the current budget windows, updated by the operator from the runners' ledger (about once a minute).",
            properties: [
                "daily": .field(UsageWindow.self, "The current day, the window of budget.perTeam.tokensPerDay."),
                "monthly": .field(UsageWindow.self, "The current month, the window of budget.perTeam.costPerMonth."),
            ])
    }
}
