/// A histogram metric and its children, one per combination of label values, all with the same buckets.
public final class HistogramFamily: Sendable {
    /// Prometheus' default buckets, suited to request latencies in seconds.
    public static let defaultBuckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    public let name: String
    public let help: String
    /// The finite upper bounds, increasing; the `+Inf` bucket is implicit.
    public let buckets: [Double]
    public var labelNames: [String] { children.labelNames }
    let children: MetricChildren<Histogram>

    init(name: String, help: String, labelNames: [String], buckets: [Double]) {
        self.name = name
        self.help = help
        self.buckets = buckets
        children = MetricChildren(labelNames: labelNames) { Histogram(upperBounds: buckets) }
    }

    /// The child for these label values, given in the order of `labelNames`. Keep the handle on hot paths.
    public func labels(_ values: String...) -> Histogram {
        children.child(labelValues: values)
    }

    /// The child for these labels, which must be exactly `labelNames`.
    public func withLabels(_ labels: [String: String]) -> Histogram {
        children.child(labels: labels)
    }
}
