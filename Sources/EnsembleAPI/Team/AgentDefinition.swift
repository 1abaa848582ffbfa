/// One participant of the team's chat: an LLM assistant with its own instructions.
public struct AgentDefinition: Sendable, Hashable, Codable {
    public var name: String
    public var description: String?
    public var systemMessage: String?
    public var model: String?

    public init(name: String, description: String? = nil, systemMessage: String? = nil, model: String? = nil) {
        self.name = name
        self.description = description
        self.systemMessage = systemMessage
        self.model = model
    }

    /// Agent names appear in chat messages, where model providers accept only these characters.
    public static let namePattern = "^[A-Za-z][A-Za-z0-9_-]*$"
    public static let nameMaxLength = 63
}

extension AgentDefinition: SchemaDescribed {
    public static var schema: Schema {
        .object(
            "An LLM assistant taking part in the chat. Agents never execute code.",
            properties: [
                "name": .string(
                    "Name of the agent, unique within the team. It appears in the conversation, in termination rules (sources) and in traces."
                ).pattern(namePattern).maxLength(nameMaxLength),
                "description": .string(
                    "What the agent is good at. The selector reads it to choose who speaks next, so make it specific.")
                    .maxLength(1024),
                "systemMessage": .string("Instructions given to the model before the conversation.").maxLength(32768),
                "model": .string(
                    "Name of an entry of spec.models this agent calls. May be omitted when the team declares exactly one model."
                ).pattern(NamePattern.dnsLabel).maxLength(NamePattern.dnsLabelMaxLength),
            ],
            required: ["name"])
    }

    public static func listSchema(_ description: String) -> Schema {
        .array(description, of: schema).listMap(keys: ["name"]).maxItems(16)
    }
}
