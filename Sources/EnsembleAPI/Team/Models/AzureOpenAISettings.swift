/// What Azure OpenAI needs besides the endpoint and key.
public struct AzureOpenAISettings: Sendable, Hashable, Codable {
    public var deployment: String?
    public var apiVersion: String?

    public static let defaultAPIVersion = "2024-10-21"

    public init(deployment: String? = nil, apiVersion: String? = nil) {
        self.deployment = deployment
        self.apiVersion = apiVersion
    }

    func defaulted() -> AzureOpenAISettings {
        var settings = self
        settings.apiVersion = apiVersion ?? Self.defaultAPIVersion
        return settings
    }
}

extension AzureOpenAISettings: SchemaDescribed {
    public static var schema: Schema {
        .object(
            "Settings for provider azure-openai.",
            properties: [
                "deployment": .string("Name of the Azure deployment to call. Defaults to the model field.")
                    .pattern("^[A-Za-z0-9][A-Za-z0-9._-]*$").maxLength(64),
                "apiVersion": .string("Azure OpenAI REST API version sent as the api-version query parameter.")
                    .pattern("^[0-9]{4}-[0-9]{2}-[0-9]{2}(-preview)?$").maxLength(32)
                    .defaulting(to: .string(defaultAPIVersion)),
            ])
    }
}
