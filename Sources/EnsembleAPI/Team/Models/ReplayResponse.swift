/// One scripted answer of a replay model.
public struct ReplayResponse: Sendable, Hashable, Codable {
    public var content: String
    public var promptTokens: Int64?
    public var completionTokens: Int64?
    public var delayMilliseconds: Int32?

    public init(content: String, promptTokens: Int64? = nil, completionTokens: Int64? = nil, delayMilliseconds: Int32? = nil) {
        self.content = content
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.delayMilliseconds = delayMilliseconds
    }
}

extension ReplayResponse: SchemaDescribed {
    public static var schema: Schema {
        .object(
            "One scripted answer, returned as the model's reply to the next call.",
            properties: [
                "content": .string("The reply's text.").maxLength(65536),
                "promptTokens": .int64("Prompt tokens the reply reports as used, for budgets and usage. Defaults to 0.")
                    .range(0...10_000_000),
                "completionTokens": .int64("Completion tokens the reply reports as used. Defaults to 0.")
                    .range(0...10_000_000),
                "delayMilliseconds": .int32("How long the reply takes, to exercise timeouts and streaming. Defaults to 0.")
                    .range(0...600_000),
            ],
            required: ["content"])
    }
}
