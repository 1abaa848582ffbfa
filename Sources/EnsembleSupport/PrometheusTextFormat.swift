/// Renders a `MetricsRegistry` in the Prometheus text exposition format, version 0.0.4.
///
/// Output is deterministic: families sorted by name, children by label values, labels in declaration order.
public enum PrometheusTextFormat {
    /// The `Content-Type` to serve the exposition with.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    public static func render(_ registry: MetricsRegistry) -> String {
        var output = ""
        for family in registry.sortedFamilies() {
            switch family {
            case .counter(let counters):
                writeHeader(name: counters.name, help: counters.help, type: "counter", to: &output)
                for (labelValues, counter) in counters.children.sorted() {
                    let labels = zip(counters.labelNames, labelValues).map { ($0, $1) }
                    writeSample(counters.name, labels: labels, value: format(counter.value), to: &output)
                }
            case .gauge(let gauges):
                writeHeader(name: gauges.name, help: gauges.help, type: "gauge", to: &output)
                for (labelValues, gauge) in gauges.children.sorted() {
                    let labels = zip(gauges.labelNames, labelValues).map { ($0, $1) }
                    writeSample(gauges.name, labels: labels, value: format(gauge.value), to: &output)
                }
            case .histogram(let histograms):
                writeHeader(name: histograms.name, help: histograms.help, type: "histogram", to: &output)
                for (labelValues, histogram) in histograms.children.sorted() {
                    let labels = zip(histograms.labelNames, labelValues).map { ($0, $1) }
                    writeHistogram(histograms.name, labels: labels, snapshot: histogram.snapshot(), to: &output)
                }
            }
        }
        return output
    }

    private static func writeHeader(name: String, help: String, type: String, to output: inout String) {
        output += "# HELP \(name) \(escapeHelp(help))\n"
        output += "# TYPE \(name) \(type)\n"
    }

    private static func writeHistogram(
        _ name: String, labels: [(String, String)], snapshot: Histogram.Snapshot, to output: inout String
    ) {
        for (bound, count) in zip(snapshot.upperBounds, snapshot.cumulativeCounts) {
            writeSample(name + "_bucket", labels: labels + [("le", format(bound))], value: String(count), to: &output)
        }
        writeSample(name + "_sum", labels: labels, value: format(snapshot.sum), to: &output)
        writeSample(name + "_count", labels: labels, value: String(snapshot.count), to: &output)
    }

    private static func writeSample(_ name: String, labels: [(String, String)], value: String, to output: inout String) {
        output += name
        if !labels.isEmpty {
            output += "{"
            output += labels.map { "\($0)=\"\(escapeLabelValue($1))\"" }.joined(separator: ",")
            output += "}"
        }
        output += " " + value + "\n"
    }

    /// Whole numbers print as integers (`3`, not `3.0` or `3e+00`); others in their shortest round-trip form.
    static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value == .infinity { return "+Inf" }
        if value == -.infinity { return "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    static func escapeHelp(_ text: String) -> String {
        escape(text, quotes: false)
    }

    static func escapeLabelValue(_ text: String) -> String {
        escape(text, quotes: true)
    }

    private static func escape(_ text: String, quotes: Bool) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\"" where quotes: escaped += "\\\""
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }
}
