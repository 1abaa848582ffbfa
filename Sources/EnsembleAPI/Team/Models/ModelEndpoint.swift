import KubeCore

/// A named chat model the team's agents call.
public struct ModelEndpoint: Sendable, Hashable, Codable {
    public var name: String
    public var provider: ModelProvider
    public var model: String?
    public var baseURL: String?
    public var apiKeySecretRef: SecretKeySelector?
    public var azure: AzureOpenAISettings?
    public var temperature: Double?
    public var maxTokens: Int32?
    public var timeoutSeconds: Int32?
    public var maxRetries: Int32?
    public var pricing: ModelPricing?
    public var replay: ReplayScript?

    public init(
        name: String, provider: ModelProvider, model: String? = nil, baseURL: String? = nil,
        apiKeySecretRef: SecretKeySelector? = nil, azure: AzureOpenAISettings? = nil, temperature: Double? = nil,
        maxTokens: Int32? = nil, timeoutSeconds: Int32? = nil, maxRetries: Int32? = nil,
        pricing: ModelPricing? = nil, replay: ReplayScript? = nil
    ) {
        self.name = name
        self.provider = provider
        self.model = model
        self.baseURL = baseURL
        self.apiKeySecretRef = apiKeySecretRef
        self.azure = azure
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.timeoutSeconds = timeoutSeconds
        self.maxRetries = maxRetries
        self.pricing = pricing
        self.replay = replay
    }

    public static let defaultOpenAIBaseURL = "https://api.openai.com/v1"
    public static let defaultTimeoutSeconds: Int32 = 120
    public static let defaultMaxRetries: Int32 = 2

    public func defaulted() -> ModelEndpoint {
        var endpoint = self
        endpoint.timeoutSeconds = timeoutSeconds ?? Self.defaultTimeoutSeconds
        endpoint.maxRetries = maxRetries ?? Self.defaultMaxRetries
        endpoint.replay = replay?.defaulted()
        endpoint.azure = azure?.defaulted()
        switch provider {
        case .openai:
            endpoint.baseURL = baseURL ?? Self.defaultOpenAIBaseURL
        case .azureOpenAI:
            endpoint.azure = (azure ?? AzureOpenAISettings()).defaulted()
        case .replay:
            break
        }
        return endpoint
    }

    public static let crossFieldRules: [CrossFieldRule<ModelEndpoint>] = [
        CrossFieldRule(
            cel: "self.provider == 'replay' || has(self.model)",
            message: "model is required unless provider is replay",
            fieldPath: ".model", reason: .fieldValueRequired,
            holds: { $0.provider == .replay || $0.model != nil }),
        CrossFieldRule(
            cel: "has(self.replay) == (self.provider == 'replay')",
            message: "replay must be set exactly when provider is replay",
            fieldPath: ".replay",
            holds: { ($0.replay != nil) == ($0.provider == .replay) }),
        CrossFieldRule(
            cel: "self.provider != 'replay' || (!has(self.baseURL) && !has(self.apiKeySecretRef))",
            message: "a replay model calls no endpoint: baseURL and apiKeySecretRef must not be set",
            reason: .fieldValueForbidden,
            holds: { $0.provider != .replay || ($0.baseURL == nil && $0.apiKeySecretRef == nil) }),
        CrossFieldRule(
            cel: "self.provider != 'azure-openai' || (has(self.baseURL) && has(self.apiKeySecretRef))",
            message: "provider azure-openai needs baseURL (the resource endpoint) and apiKeySecretRef",
            reason: .fieldValueRequired,
            holds: { $0.provider != .azureOpenAI || ($0.baseURL != nil && $0.apiKeySecretRef != nil) }),
        CrossFieldRule(
            cel: "self.provider == 'azure-openai' || !has(self.azure)",
            message: "azure applies only to provider azure-openai",
            fieldPath: ".azure", reason: .fieldValueForbidden,
            holds: { $0.provider == .azureOpenAI || $0.azure == nil }),
    ]
}

extension ModelEndpoint: SchemaDescribed {
    public static var schema: Schema {
        .object(
            "A named chat model endpoint. Agents refer to it by name.",
            properties: [
                "name": .string("Name agents use to refer to this model; a DNS label, unique within the team.")
                    .pattern(NamePattern.dnsLabel).maxLength(NamePattern.dnsLabelMaxLength),
                "provider": .enumeration(
                    ModelProvider.self,
                    "API the endpoint speaks: openai (OpenAI and every compatible server: vLLM, Ollama, LiteLLM), azure-openai, or replay (scripted responses, no network)."
                ),
                "model": .string(
                    "Model name sent in each request, such as gpt-4o-mini; for azure-openai, the deployment's model. Required unless provider is replay."
                ).minLength(1).maxLength(256),
                "baseURL": .string(
                    "Base URL of the API, up to and including the version path, such as https://api.openai.com/v1 (the default for provider openai) or http://litellm.llm.svc:4000/v1. For azure-openai, the resource endpoint https://NAME.openai.azure.com."
                ).pattern("^https?://[^\\s/?#]+[^\\s?#]*$").maxLength(2048),
                "apiKeySecretRef": .field(
                    SecretKeySelector.self,
                    "Secret key holding the API key, sent as a bearer token (api-key header for azure-openai). Omit for endpoints without authentication."
                ),
                "azure": .field(AzureOpenAISettings.self, "Settings for provider azure-openai."),
                "temperature": .number("Sampling temperature from 0 (most deterministic) to 2. Unset leaves the provider's default.")
                    .numberRange(0.0...2.0),
                "maxTokens": .int32("Most tokens one completion may produce. Unset leaves the provider's default.")
                    .range(1...1_000_000),
                "timeoutSeconds": .int32("How long one call may take before it is abandoned and, if retries remain, retried.")
                    .range(1...3600).defaulting(to: .integer(Int64(defaultTimeoutSeconds))),
                "maxRetries": .int32(
                    "How often a failed call (connection error, 429 or 5xx) is retried with exponential backoff before the agent's turn fails."
                ).range(0...10).defaulting(to: .integer(Int64(defaultMaxRetries))),
                "pricing": .field(ModelPricing.self, "Price per million tokens, for cost budgets and reported cost."),
                "replay": .field(ReplayScript.self, "Scripted responses; required when provider is replay."),
            ],
            required: ["name", "provider"]
        ).validated(by: crossFieldRules)
    }

    /// The schema of a `models` list.
    public static func listSchema(_ description: String) -> Schema {
        .array(description, of: schema).listMap(keys: ["name"]).maxItems(16)
    }
}
