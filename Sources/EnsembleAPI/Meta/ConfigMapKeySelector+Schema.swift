import KubeCore

/// Only `name` and `key` are part of the Ensemble API; `optional` is not declared, so the API server prunes it.
extension KubeCore.ConfigMapKeySelector: SchemaDescribed {
    public static var schema: Schema {
        .object(
            "A key of a ConfigMap in the same namespace.",
            properties: [
                "name": .string("Name of the ConfigMap.")
                    .pattern(NamePattern.dnsSubdomain).maxLength(NamePattern.dnsSubdomainMaxLength),
                "key": .string("Key within the ConfigMap's data.")
                    .pattern(NamePattern.configKey).maxLength(NamePattern.dnsSubdomainMaxLength),
            ],
            required: ["name", "key"])
    }
}
