/// A counter metric and its children, one per combination of label values.
public final class CounterFamily: Sendable {
    public let name: String
    public let help: String
    public var labelNames: [String] { children.labelNames }
    let children: MetricChildren<Counter>

    init(name: String, help: String, labelNames: [String]) {
        self.name = name
        self.help = help
        children = MetricChildren(labelNames: labelNames) { Counter() }
    }

    /// The child for these label values, given in the order of `labelNames`. Keep the handle on hot paths.
    public func labels(_ values: String...) -> Counter {
        children.child(labelValues: values)
    }

    /// The child for these labels, which must be exactly `labelNames`.
    public func withLabels(_ labels: [String: String]) -> Counter {
        children.child(labels: labels)
    }
}
