/// What the whole team may spend per day and per month.
public struct TeamBudget: Sendable, Hashable, Codable {
    public var tokensPerDay: Int64?
    public var costPerMonth: Money?
    public var timeZone: String?

    public init(tokensPerDay: Int64? = nil, costPerMonth: Money? = nil, timeZone: String? = nil) {
        self.tokensPerDay = tokensPerDay
        self.costPerMonth = costPerMonth
        self.timeZone = timeZone
    }

    public static let defaultTimeZone = "UTC"

    func defaulted() -> TeamBudget {
        var budget = self
        budget.timeZone = timeZone ?? Self.defaultTimeZone
        return budget
    }

    public static let crossFieldRules: [CrossFieldRule<TeamBudget>] = [
        CrossFieldRule(
            cel: "has(self.tokensPerDay) || has(self.costPerMonth)",
            message: "at least one of tokensPerDay and costPerMonth must be set",
            reason: .fieldValueRequired,
            holds: { $0.tokensPerDay != nil || $0.costPerMonth != nil })
    ]
}

extension TeamBudget: SchemaDescribed {
    public static var schema: Schema {
        .object(
            "Budgets of the whole team over calendar windows. Once one is spent, new chats are refused with 429 until the window resets, and the team reports BudgetExceeded. Usage so far is in status.usage.",
            properties: [
                "tokensPerDay": .int64("Most tokens all sessions together may use per day; resets at midnight in timeZone.")
                    .range(1...1_000_000_000_000),
                "costPerMonth": Money.schema(
                    "Most the team may spend per calendar month, computed from each model's pricing (required on every non-replay model); resets on the first day of the month at midnight in timeZone."
                ),
                "timeZone": .string("IANA time zone whose midnight starts each window, such as UTC or Europe/Berlin.")
                    .pattern("^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$").maxLength(64)
                    .defaulting(to: .string(defaultTimeZone)),
            ]
        ).validated(by: crossFieldRules)
    }
}
