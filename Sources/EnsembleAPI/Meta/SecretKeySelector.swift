/// One key of a Secret in the same namespace.
public struct SecretKeySelector: Sendable, Hashable, Codable {
    public var name: String
    public var key: String

    public init(name: String, key: String) {
        self.name = name
        self.key = key
    }
}

extension SecretKeySelector: SchemaDescribed {
    public static var schema: Schema {
        .object(
            "A key of a Secret in the same namespace. The value is handed to the runner as an environment variable and never appears in the AgentTeam, its status, events or logs.",
            properties: [
                "name": .string("Name of the Secret.")
                    .pattern(NamePattern.dnsSubdomain).maxLength(NamePattern.dnsSubdomainMaxLength),
                "key": .string("Key within the Secret's data.")
                    .pattern(NamePattern.configKey).maxLength(NamePattern.dnsSubdomainMaxLength),
            ],
            required: ["name", "key"])
    }
}
