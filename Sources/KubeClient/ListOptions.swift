/// Which objects a list (or delete-collection) selects, and how it pages.
public struct ListOptions: Sendable, Hashable {
    public var labelSelector: String?
    public var fieldSelector: String?
    /// Page size; nil lets the server decide (usually all at once).
    public var limit: Int?
    /// The token of the page to fetch, from the previous page's `metadata.continue`.
    public var continueToken: String?
    public var resourceVersion: String?
    /// `Exact` or `NotOlderThan`, with `resourceVersion`.
    public var resourceVersionMatch: String?

    public init(
        labelSelector: String? = nil, fieldSelector: String? = nil, limit: Int? = nil, continueToken: String? = nil,
        resourceVersion: String? = nil, resourceVersionMatch: String? = nil
    ) {
        self.labelSelector = labelSelector
        self.fieldSelector = fieldSelector
        self.limit = limit
        self.continueToken = continueToken
        self.resourceVersion = resourceVersion
        self.resourceVersionMatch = resourceVersionMatch
    }

    var queryItems: [QueryItem] {
        [
            QueryItem("labelSelector", labelSelector), QueryItem("fieldSelector", fieldSelector),
            QueryItem("limit", limit.map(String.init)), QueryItem("continue", continueToken),
            QueryItem("resourceVersion", resourceVersion), QueryItem("resourceVersionMatch", resourceVersionMatch),
        ].compactMap { $0 }
    }
}
