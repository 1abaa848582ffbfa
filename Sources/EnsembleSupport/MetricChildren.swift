import Synchronization

/// The children of one metric family, one per combination of label values, created on first use.
final class MetricChildren<Child: Sendable>: Sendable {
    let labelNames: [String]
    private let makeChild: @Sendable () -> Child
    private let children: Mutex<[[String]: Child]>

    /// A family without labels has exactly one child, created here so that it is exposed from the start.
    init(labelNames: [String], makeChild: @escaping @Sendable () -> Child) {
        self.labelNames = labelNames
        self.makeChild = makeChild
        children = Mutex(labelNames.isEmpty ? [[]: makeChild()] : [:])
    }

    func child(labelValues: [String]) -> Child {
        precondition(
            labelValues.count == labelNames.count,
            "expected \(labelNames.count) label values for labels \(labelNames), got \(labelValues.count)")
        return children.withLock { children in
            if let existing = children[labelValues] { return existing }
            let created = makeChild()
            children[labelValues] = created
            return created
        }
    }

    func child(labels: [String: String]) -> Child {
        precondition(
            labels.count == labelNames.count && labelNames.allSatisfy { labels[$0] != nil },
            "expected exactly the labels \(labelNames), got \(labels.keys.sorted())")
        return child(labelValues: labelNames.map { labels[$0]! })
    }

    /// Children ordered by their label values, for deterministic exposition.
    func sorted() -> [(labelValues: [String], child: Child)] {
        children.withLock { children in children.map { (labelValues: $0.key, child: $0.value) } }
            .sorted { $0.labelValues.lexicographicallyPrecedes($1.labelValues) }
    }
}
