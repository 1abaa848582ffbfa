import KubeCore

/// What a team used in one budget window.
public struct UsageWindow: Sendable, Hashable, Codable {
    public var windowStart: Time
    public var resetTime: Time
    public var promptTokens: Int64
    public var completionTokens: Int64
    public var totalTokens: Int64
    public var cost: Money?
    public var sessions: Int64

    public init(
        windowStart: Time, resetTime: Time, promptTokens: Int64 = 0, completionTokens: Int64 = 0,
        cost: Money? = nil, sessions: Int64 = 0
    ) {
        self.windowStart = windowStart
        self.resetTime = resetTime
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.totalTokens = promptTokens + completionTokens
        self.cost = cost
        self.sessions = sessions
    }
}

extension UsageWindow: SchemaDescribed {
    public static var schema: Schema {
        .object(
            "Usage of the team in one budget window.",
            properties: [
                "windowStart": .timestamp("When the window began."),
                "resetTime": .timestamp("When the window ends and its usage starts again from zero."),
                "promptTokens": .int64("Prompt tokens used in the window.").minimum(0),
                "completionTokens": .int64("Completion tokens used in the window.").minimum(0),
                "totalTokens": .int64("Prompt plus completion tokens used in the window.").minimum(0),
                "cost": Money.schema("Cost of the window's tokens by the models' pricing; unset when no model has pricing."),
                "sessions": .int64("Sessions that sent at least one message in the window.").minimum(0),
            ],
            required: ["windowStart", "resetTime", "promptTokens", "completionTokens", "totalTokens", "sessions"])
    }
}
