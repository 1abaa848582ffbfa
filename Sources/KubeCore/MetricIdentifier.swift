/// Names a metric and optionally narrows it by labels.
public struct MetricIdentifier: Codable, Sendable, Hashable {
    public var name: String
    public var selector: LabelSelector?

    public init(name: String, selector: LabelSelector? = nil) {
        self.name = name
        self.selector = selector
    }
}
