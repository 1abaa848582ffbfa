import Synchronization

/// Holds metric families by name, in the style of the Prometheus client libraries; render it with
/// `PrometheusTextFormat` or `exposition()`.
///
/// Registering a name again with the same type, labels (and buckets) returns the family already registered,
/// keeping its original help text. Registering it with another type, labels or buckets is a programmer error and
/// stops the process, as do names that are not valid Prometheus metric or label names.
/// Only registration takes the registry's lock; updating a child handle does not.
public final class MetricsRegistry: Sendable {
    enum Family: Sendable {
        case counter(CounterFamily)
        case gauge(GaugeFamily)
        case histogram(HistogramFamily)

        var name: String {
            switch self {
            case .counter(let family): family.name
            case .gauge(let family): family.name
            case .histogram(let family): family.name
            }
        }
    }

    private let families = Mutex<[String: Family]>([:])

    public init() {}

    public func counter(name: String, help: String, labels: [String] = []) -> CounterFamily {
        Self.validate(name: name, labels: labels)
        return register(name) {
            .counter(CounterFamily(name: name, help: help, labelNames: labels))
        } matching: { existing in
            guard case .counter(let family) = existing, family.labelNames == labels else { return nil }
            return family
        }
    }

    public func gauge(name: String, help: String, labels: [String] = []) -> GaugeFamily {
        Self.validate(name: name, labels: labels)
        return register(name) {
            .gauge(GaugeFamily(name: name, help: help, labelNames: labels))
        } matching: { existing in
            guard case .gauge(let family) = existing, family.labelNames == labels else { return nil }
            return family
        }
    }

    /// - Parameter buckets: finite upper bounds in increasing order; a trailing `+Inf` may be given and is implied anyway.
    public func histogram(
        name: String, help: String, labels: [String] = [], buckets: [Double] = HistogramFamily.defaultBuckets
    ) -> HistogramFamily {
        Self.validate(name: name, labels: labels)
        precondition(!labels.contains("le"), "histogram \(name) cannot have a label named \"le\"")
        let bounds = buckets.last == .infinity ? Array(buckets.dropLast()) : buckets
        precondition(bounds.allSatisfy(\.isFinite), "histogram \(name) has a bucket that is not finite: \(buckets)")
        precondition(zip(bounds, bounds.dropFirst()).allSatisfy(<), "histogram \(name) buckets must increase: \(buckets)")
        return register(name) {
            .histogram(HistogramFamily(name: name, help: help, labelNames: labels, buckets: bounds))
        } matching: { existing in
            guard case .histogram(let family) = existing, family.labelNames == labels, family.buckets == bounds
            else { return nil }
            return family
        }
    }

    /// The text exposition of every family, as `PrometheusTextFormat.render(_:)` gives it.
    public func exposition() -> String {
        PrometheusTextFormat.render(self)
    }

    /// All families ordered by name.
    func sortedFamilies() -> [Family] {
        families.withLock { Array($0.values) }.sorted { $0.name < $1.name }
    }

    private func register<Registered>(
        _ name: String, make: () -> Family, matching: (Family) -> Registered?
    ) -> Registered {
        families.withLock { families in
            if let existing = families[name] {
                guard let family = matching(existing) else {
                    preconditionFailure("metric \(name) is already registered with another type, labels or buckets")
                }
                return family
            }
            let family = make()
            families[name] = family
            return matching(family)!
        }
    }

    private static func validate(name: String, labels: [String]) {
        precondition(isValidMetricName(name), "\(name.debugDescription) is not a valid Prometheus metric name")
        for label in labels {
            precondition(isValidLabelName(label), "\(label.debugDescription) is not a valid Prometheus label name")
        }
        precondition(Set(labels).count == labels.count, "metric \(name) repeats a label name: \(labels)")
    }

    /// `[a-zA-Z_:][a-zA-Z0-9_:]*`
    static func isValidMetricName(_ name: String) -> Bool {
        guard let first = name.utf8.first, isLetter(first) || first == UInt8(ascii: "_") || first == UInt8(ascii: ":")
        else { return false }
        return name.utf8.allSatisfy { isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ":") }
    }

    /// `[a-zA-Z_][a-zA-Z0-9_]*`, without the `__` prefix that Prometheus reserves.
    static func isValidLabelName(_ name: String) -> Bool {
        guard let first = name.utf8.first, isLetter(first) || first == UInt8(ascii: "_"), !name.hasPrefix("__")
        else { return false }
        return name.utf8.allSatisfy { isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "_") }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
