/// The scripted answers of a replay model, given in order, one per call.
public struct ReplayScript: Sendable, Hashable, Codable {
    public var responses: [ReplayResponse]
    public var whenExhausted: ReplayExhaustion?

    public init(responses: [ReplayResponse], whenExhausted: ReplayExhaustion? = nil) {
        self.responses = responses
        self.whenExhausted = whenExhausted
    }

    public static let defaultExhaustion = ReplayExhaustion.cycle

    func defaulted() -> ReplayScript {
        var script = self
        script.whenExhausted = whenExhausted ?? Self.defaultExhaustion
        return script
    }
}

extension ReplayScript: SchemaDescribed {
    public static var schema: Schema {
        .object(
            "Scripted answers for provider replay: each call to the model returns the next response, so a team runs offline and deterministically.",
            properties: [
                "responses": .array("The answers, in the order calls receive them.", of: ReplayResponse.schema)
                    .minItems(1).maxItems(256),
                "whenExhausted": .enumeration(
                    ReplayExhaustion.self,
                    "What happens after the last response: cycle starts again from the first, repeatLast repeats the last, fail fails the call."
                ).defaulting(to: .string(defaultExhaustion.rawValue)),
            ],
            required: ["responses"])
    }
}
