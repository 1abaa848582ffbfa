import KubeCore

/// Only `name` and `key` are part of the Ensemble API; `optional` is not declared, so the API server prunes it.
extension KubeCore.SecretKeySelector: SchemaDescribed {
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
