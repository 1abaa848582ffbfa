import KubeCore

/// A PodDisruptionBudget for the runners: how many may be evicted at once during node maintenance.
public struct DisruptionBudget: Sendable, Hashable, Codable {
    public var minAvailable: IntOrString?
    public var maxUnavailable: IntOrString?

    public init(minAvailable: IntOrString? = nil, maxUnavailable: IntOrString? = nil) {
        self.minAvailable = minAvailable
        self.maxUnavailable = maxUnavailable
    }

    public static let crossFieldRules: [CrossFieldRule<DisruptionBudget>] = [
        CrossFieldRule(
            cel: "has(self.minAvailable) != has(self.maxUnavailable)",
            message: "exactly one of minAvailable and maxUnavailable must be set",
            holds: { ($0.minAvailable != nil) != ($0.maxUnavailable != nil) })
    ]

    private static func count(_ description: String) -> Schema {
        .intOrString(description + " A number of pods (2) or a percentage of the desired pods (\"50%\").")
            .pattern("^(100|[1-9]?[0-9])%$").minimum(0)
    }
}

extension DisruptionBudget: SchemaDescribed {
    public static var schema: Schema {
        .object(
            "A PodDisruptionBudget for the runners: exactly one of minAvailable and maxUnavailable. Without this field, one is created with maxUnavailable 1 whenever the team runs two or more replicas at minimum.",
            properties: [
                "minAvailable": count("Runner pods that must stay available during voluntary disruptions."),
                "maxUnavailable": count("Runner pods that may be unavailable at once during voluntary disruptions."),
            ]
        ).validated(by: crossFieldRules)
    }
}
