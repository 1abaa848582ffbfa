/// One key of a ConfigMap in the same namespace.
public struct ConfigMapKeySelector: Sendable, Hashable, Codable {
    public var name: String
    public var key: String

    public init(name: String, key: String) {
        self.name = name
        self.key = key
    }
}

extension ConfigMapKeySelector: SchemaDescribed {
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
