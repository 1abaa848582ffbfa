import KubeCore

extension KubeCore.LocalObjectReference {
    /// A reference to an object whose name is a DNS subdomain (Secrets, ConfigMaps), documented as `description`.
    /// The schema requires `name`, although the Swift type leaves it optional as Kubernetes does.
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
