/// Attribute names and values of OpenTelemetry's semantic conventions for generative AI (spans of model calls
/// and agents), in one place. Ensemble's traces nest: chat (`invoke_workflow`) → agent turn (`invoke_agent`)
/// → LLM call (`chat`).
///
/// Message content (`gen_ai.input.messages`, `gen_ai.output.messages`, `gen_ai.system_instructions`) is
/// opt-in in the conventions and may hold personal data: set those only when the operator asks for it.
public enum GenAIAttributes {
    public static let operationName = "gen_ai.operation.name"
    public static let providerName = "gen_ai.provider.name"
    /// The name of the provider before `gen_ai.provider.name` replaced it; still read by many backends.
    public static let system = "gen_ai.system"
    public static let conversationID = "gen_ai.conversation.id"
    public static let outputType = "gen_ai.output.type"

    public static let requestModel = "gen_ai.request.model"
    public static let requestMaxTokens = "gen_ai.request.max_tokens"
    public static let requestTemperature = "gen_ai.request.temperature"
    public static let requestTopP = "gen_ai.request.top_p"
    public static let requestStopSequences = "gen_ai.request.stop_sequences"
    public static let requestChoiceCount = "gen_ai.request.choice.count"
    public static let requestSeed = "gen_ai.request.seed"

    public static let responseID = "gen_ai.response.id"
    public static let responseModel = "gen_ai.response.model"
    public static let responseFinishReasons = "gen_ai.response.finish_reasons"

    public static let usageInputTokens = "gen_ai.usage.input_tokens"
    public static let usageOutputTokens = "gen_ai.usage.output_tokens"

    public static let agentID = "gen_ai.agent.id"
    public static let agentName = "gen_ai.agent.name"
    public static let agentDescription = "gen_ai.agent.description"

    public static let toolName = "gen_ai.tool.name"
    public static let toolCallID = "gen_ai.tool.call.id"
    public static let toolType = "gen_ai.tool.type"

    /// Opt-in content attributes; never set by default.
    public static let inputMessages = "gen_ai.input.messages"
    public static let outputMessages = "gen_ai.output.messages"
    public static let systemInstructions = "gen_ai.system_instructions"

    /// General attributes the GenAI conventions ask for on client spans.
    public static let serverAddress = "server.address"
    public static let serverPort = "server.port"
    public static let errorType = "error.type"

    /// Values of `gen_ai.operation.name`.
    public enum Operation {
        public static let chat = "chat"
        public static let textCompletion = "text_completion"
        public static let embeddings = "embeddings"
        public static let createAgent = "create_agent"
        public static let invokeAgent = "invoke_agent"
        public static let invokeWorkflow = "invoke_workflow"
        public static let executeTool = "execute_tool"
    }

    /// Values of `gen_ai.provider.name` for the providers Ensemble talks to.
    public enum Provider {
        public static let openAI = "openai"
        public static let azureOpenAI = "azure.ai.openai"
    }

    /// The span name the conventions give: the operation, then the model or agent it targets when known
    /// (`chat gpt-4o`, `invoke_agent planner`).
    public static func spanName(operation: String, target: String?) -> String {
        guard let target, !target.isEmpty else { return operation }
        return "\(operation) \(target)"
    }
}
