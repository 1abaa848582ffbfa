/// How the next speaker is chosen in `selector` mode.
public struct SelectorSettings: Sendable, Hashable, Codable {
    public var model: String?
    public var prompt: String?
    public var allowRepeatedSpeaker: Bool?
    public var maxAttempts: Int32?

    public init(model: String? = nil, prompt: String? = nil, allowRepeatedSpeaker: Bool? = nil, maxAttempts: Int32? = nil) {
        self.model = model
        self.prompt = prompt
        self.allowRepeatedSpeaker = allowRepeatedSpeaker
        self.maxAttempts = maxAttempts
    }

    public static let defaultAllowRepeatedSpeaker = false
    public static let defaultMaxAttempts: Int32 = 3

    func defaulted(firstAgentModel: String?) -> SelectorSettings {
        var settings = self
        settings.model = model ?? firstAgentModel
        settings.allowRepeatedSpeaker = allowRepeatedSpeaker ?? Self.defaultAllowRepeatedSpeaker
        settings.maxAttempts = maxAttempts ?? Self.defaultMaxAttempts
        return settings
    }
}

extension SelectorSettings: SchemaDescribed {
    public static var schema: Schema {
        .object(
            "How the next speaker is chosen in selector mode.",
            properties: [
                "model": .string("Name of an entry of spec.models that picks the next speaker. Defaults to the first agent's model.")
                    .pattern(NamePattern.dnsLabel).maxLength(NamePattern.dnsLabelMaxLength),
                "prompt": .string(
                    "Prompt for the selector model. {roles} is replaced by the agents' names and descriptions, {participants} by their names and {history} by the conversation so far. Unset uses a built-in prompt."
                ).maxLength(16384),
                "allowRepeatedSpeaker": .boolean("Whether the same agent may speak twice in a row.")
                    .defaulting(to: .bool(defaultAllowRepeatedSpeaker)),
                "maxAttempts": .int32(
                    "How often the selector model is asked again when its answer names no agent; after that, the next agent in order speaks."
                ).range(1...10).defaulting(to: .integer(Int64(defaultMaxAttempts))),
            ])
    }
}
