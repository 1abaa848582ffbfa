/// Which objects of a resource a list-watch covers: one namespace or all, optionally narrowed by selectors.
public struct ResourceScope: Sendable, Hashable {
    /// nil for all namespaces (or a cluster-scoped resource).
    public var namespace: String?
    public var labelSelector: String?
    public var fieldSelector: String?

    public init(namespace: String? = nil, labelSelector: String? = nil, fieldSelector: String? = nil) {
        self.namespace = namespace
        self.labelSelector = labelSelector
        self.fieldSelector = fieldSelector
    }
}
