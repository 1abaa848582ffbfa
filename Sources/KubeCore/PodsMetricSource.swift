/// A custom metric averaged over the scaled pods.
public struct PodsMetricSource: Codable, Sendable, Hashable {
    public var metric: MetricIdentifier
    public var target: MetricTarget

    public init(metric: MetricIdentifier, target: MetricTarget) {
        self.metric = metric
        self.target = target
    }
}
