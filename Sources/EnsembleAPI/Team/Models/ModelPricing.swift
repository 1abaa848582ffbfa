/// What a model costs per million tokens, for cost budgets and the reported cost of sessions.
public struct ModelPricing: Sendable, Hashable, Codable {
    public var promptPerMillionTokens: Money
    public var completionPerMillionTokens: Money

    public init(promptPerMillionTokens: Money, completionPerMillionTokens: Money) {
        self.promptPerMillionTokens = promptPerMillionTokens
        self.completionPerMillionTokens = completionPerMillionTokens
    }

    /// The cost of a call, in millionths of the currency unit, rounded up so that budgets never undercount.
    public func costMicros(promptTokens: Int64, completionTokens: Int64) -> Int64? {
        guard let prompt = promptPerMillionTokens.micros, let completion = completionPerMillionTokens.micros else {
            return nil
        }
        let product = promptTokens.multipliedReportingOverflow(by: prompt)
        let completionProduct = completionTokens.multipliedReportingOverflow(by: completion)
        guard !product.overflow, !completionProduct.overflow else { return nil }
        let (sum, overflow) = product.partialValue.addingReportingOverflow(completionProduct.partialValue)
        guard !overflow else { return nil }
        return (sum + 999_999) / 1_000_000
    }
}

extension ModelPricing: SchemaDescribed {
    public static var schema: Schema {
        .object(
            "Price of the model per million tokens, in the currency of the team's cost budget (usually US dollars). Needed for spec.budget.perTeam.costPerMonth and for the cost reported in status.",
            properties: [
                "promptPerMillionTokens": Money.schema("Price of one million prompt (input) tokens."),
                "completionPerMillionTokens": Money.schema("Price of one million completion (output) tokens."),
            ],
            required: ["promptPerMillionTokens", "completionPerMillionTokens"])
    }
}
