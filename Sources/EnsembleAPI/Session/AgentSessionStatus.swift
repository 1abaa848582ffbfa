import KubeCore

/// The observed state of a session, written by the operator.
public struct AgentSessionStatus: Sendable, Hashable, Codable {
    public var observedGeneration: Int64?
    public var phase: SessionPhase?
    public var stopReason: StopReason?
    public var startTime: Time?
    public var completionTime: Time?
    public var rounds: Int32?
    public var tokenUsage: TokenUsage?
    public var cost: Money?
    public var result: String?
    public var resultTruncated: Bool?
    public var runnerSessionID: String?
    public var conditions: [Condition]?

    public init(
        observedGeneration: Int64? = nil, phase: SessionPhase? = nil, stopReason: StopReason? = nil,
        startTime: Time? = nil, completionTime: Time? = nil, rounds: Int32? = nil,
        tokenUsage: TokenUsage? = nil, cost: Money? = nil, result: String? = nil, resultTruncated: Bool? = nil,
        runnerSessionID: String? = nil, conditions: [Condition]? = nil
    ) {
        self.observedGeneration = observedGeneration
        self.phase = phase
        self.stopReason = stopReason
        self.startTime = startTime
        self.completionTime = completionTime
        self.rounds = rounds
        self.tokenUsage = tokenUsage
        self.cost = cost
        self.result = result
        self.resultTruncated = resultTruncated
        self.runnerSessionID = runnerSessionID
        self.conditions = conditions
    }

    /// The most characters of the final answer kept in `result`.
    public static let resultMaxLength = 16384

    /// `text` cut to `resultMaxLength` characters, with whether it was cut.
    public static func boundedResult(_ text: String) -> (result: String, truncated: Bool) {
        let scalars = text.unicodeScalars
        guard scalars.count > resultMaxLength else { return (text, false) }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars.prefix(resultMaxLength))
        return (String(view), true)
    }
}

extension AgentSessionStatus: SchemaDescribed {
    public static var schema: Schema {
        .object(
            "The observed state of the session, written by the operator.",
            properties: [
                "observedGeneration": .int64("The .metadata.generation this status describes.").minimum(0),
                "phase": .enumeration(SessionPhase.self, "Pending, Running, then Succeeded, Failed or Cancelled."),
                "stopReason": .string(
                    "Why the chat stopped: TextMention, MaxMessages, TokenUsage, Timeout, SourceMatch, MaxRounds, SessionBudgetExhausted, TeamBudgetExhausted, RateLimited, Cancelled, ModelError or RunnerError."
                ).pattern("^[A-Z][A-Za-z0-9]*$").maxLength(64),
                "startTime": .timestamp("When a runner started the chat."),
                "completionTime": .timestamp("When the session finished."),
                "rounds": .int32("Agent turns taken.").minimum(0),
                "tokenUsage": .field(TokenUsage.self, "Tokens the session used."),
                "cost": Money.schema("Cost of the session's tokens by the models' pricing."),
                "result": .string("The team's final answer, cut to \(resultMaxLength) characters (see resultTruncated). The whole conversation stays available from the runner under runnerSessionID.")
                    .maxLength(resultMaxLength),
                "resultTruncated": .boolean("Whether result was cut."),
                "runnerSessionID": .string("ID of the conversation in the runners' session store (GET /v1/sessions/ID).")
                    .maxLength(256),
                "conditions": Condition.listSchema.described("Ready: whether the team accepted the session."),
            ])
    }
}
