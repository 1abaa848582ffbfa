/// Stops the chat when a message contains a text, such as `TERMINATE`.
public struct TextMentionCondition: Sendable, Hashable, Codable {
    public var text: String
    public var sources: [String]?

    public init(text: String, sources: [String]? = nil) {
        self.text = text
        self.sources = sources
    }
}

extension TextMentionCondition: SchemaDescribed {
    public static var schema: Schema {
        .object(
            "Stops the chat when a message contains text.",
            properties: [
                "text": .string("Text to look for, matched case-sensitively anywhere in a message, such as TERMINATE.")
                    .minLength(1).maxLength(256),
                "sources": AgentNames.schema("Only messages of these agents count. Unset means every agent's messages count."),
            ],
            required: ["text"])
    }
}
