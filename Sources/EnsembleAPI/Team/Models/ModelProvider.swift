/// The protocol a model endpoint speaks.
public enum ModelProvider: String, SchemaEnumeration {
    /// The OpenAI chat completions API, and every server compatible with it (vLLM, Ollama, LiteLLM, ...).
    case openai
    /// Azure OpenAI: deployments under a resource endpoint, with an `api-version`.
    case azureOpenAI = "azure-openai"
    /// Scripted responses from the spec; calls no endpoint. For offline runs, demos and tests.
    case replay
}
