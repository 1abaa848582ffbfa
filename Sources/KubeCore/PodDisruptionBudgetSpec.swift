/// How many selected pods must stay available (or may be unavailable) during voluntary disruptions.
public struct PodDisruptionBudgetSpec: Codable, Sendable, Hashable {
    public var minAvailable: IntOrString?
    public var maxUnavailable: IntOrString?
    public var selector: LabelSelector?
    public var unhealthyPodEvictionPolicy: String?

    public init(
        minAvailable: IntOrString? = nil, maxUnavailable: IntOrString? = nil, selector: LabelSelector? = nil,
        unhealthyPodEvictionPolicy: String? = nil
    ) {
        self.minAvailable = minAvailable
        self.maxUnavailable = maxUnavailable
        self.selector = selector
        self.unhealthyPodEvictionPolicy = unhealthyPodEvictionPolicy
    }
}
