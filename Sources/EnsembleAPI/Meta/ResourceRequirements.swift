import KubeCore

/// CPU and memory requested and allowed for the runner container, as quantities such as `250m` or `512Mi`.
///
/// Not KubeCore's `ResourceRequirements`: the CRD declares quantities int-or-string, and KubeCore's `Quantity`
/// re-encodes an integer such as `1` as the string `"1"`, so it would not round-trip what the API server stores.
/// Qualify it as `EnsembleAPI.ResourceRequirements` where KubeCore is imported too.
public struct ResourceRequirements: Sendable, Hashable, Codable {
    public var requests: [String: IntOrString]?
    public var limits: [String: IntOrString]?

    public init(requests: [String: IntOrString]? = nil, limits: [String: IntOrString]? = nil) {
        self.requests = requests
        self.limits = limits
    }

    /// A Kubernetes resource quantity: a number with an optional decimal or binary suffix.
    public static let quantityPattern =
        "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$"

    private static func quantities(_ description: String) -> Schema {
        .map(
            description,
            values: .intOrString("A quantity such as 500m, 2 or 1Gi.").pattern(quantityPattern))
    }
}

extension ResourceRequirements: SchemaDescribed {
    public static var schema: Schema {
        .object(
            "Compute resources of the runner container, as a container's resources field.",
            properties: [
                "requests": quantities(
                    "Resources the scheduler reserves for each runner pod, by resource name (cpu, memory, ephemeral-storage). CPU-based autoscaling measures utilisation against the cpu request, so set it when autoscaling."),
                "limits": quantities("The most each runner container may use, by resource name."),
            ])
    }
}
