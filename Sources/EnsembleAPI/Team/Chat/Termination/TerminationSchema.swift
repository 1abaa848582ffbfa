/// Schema parts shared by the three levels of the termination tree.
enum TerminationSchema {
    static let leafFields = ["textMention", "maxMessages", "tokenUsage", "timeoutSeconds", "sourceMatch"]
    static let compositeFields = ["any", "all"]

    static var leafProperties: [String: Schema] {
        [
            "textMention": .field(TextMentionCondition.self, "Stop when a message contains a text."),
            "maxMessages": .int32("Stop after this many messages, the task included.").range(1...10_000),
            "tokenUsage": .field(TokenUsageCondition.self, "Stop once the chat used this many tokens."),
            "timeoutSeconds": .int32("Stop this many seconds after the chat started.").range(1...86_400),
            "sourceMatch": .field(SourceMatchCondition.self, "Stop after one of these agents has spoken."),
        ]
    }

    static func compositeProperties(children: Schema, level: String) -> [String: Schema] {
        [
            "any": .array("Stop when any of these \(level) conditions holds.", of: children).minItems(1).maxItems(8),
            "all": .array("Stop when all of these \(level) conditions hold.", of: children).minItems(1).maxItems(8),
        ]
    }

    /// CEL: exactly one of `fields` is set.
    static func exactlyOneRule<Node>(of fields: [String], count: @escaping @Sendable (Node) -> Int) -> CrossFieldRule<Node> {
        CrossFieldRule(
            cel: fields.map { "(has(self.\($0)) ? 1 : 0)" }.joined(separator: " + ") + " == 1",
            message: "exactly one of \(fields.joined(separator: ", ")) must be set",
            holds: { count($0) == 1 })
    }
}
