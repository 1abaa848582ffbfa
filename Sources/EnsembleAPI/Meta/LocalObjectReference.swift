/// The name of another object in the same namespace.
public struct LocalObjectReference: Sendable, Hashable, Codable {
    public var name: String

    public init(name: String) {
        self.name = name
    }
}

extension LocalObjectReference {
    /// A reference to an object whose name is a DNS subdomain (Secrets, ConfigMaps), documented as `description`.
    public static func schema(_ description: String) -> Schema {
        .object(
            description,
            properties: [
                "name": .string("Name of the object, in the same namespace.")
                    .pattern(NamePattern.dnsSubdomain).maxLength(NamePattern.dnsSubdomainMaxLength)
            ],
            required: ["name"])
    }
}
