/// Stops the chat after one of some agents has spoken.
public struct SourceMatchCondition: Sendable, Hashable, Codable {
    public var sources: [String]

    public init(sources: [String]) {
        self.sources = sources
    }
}

extension SourceMatchCondition: SchemaDescribed {
    public static var schema: Schema {
        .object(
            "Stops the chat right after one of these agents has spoken, such as a final reviewer.",
            properties: [
                "sources": AgentNames.schema("Names of agents whose message ends the chat.").minItems(1)
            ],
            required: ["sources"])
    }
}
