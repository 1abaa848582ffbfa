/// One page of a paginated list.
public struct ListPage<Object: RuntimeObject>: Sendable {
    public var items: [Object]
    /// The token for the next page; nil or empty on the last one.
    public var continueToken: String?
    /// The list's resourceVersion, from which a watch resumes.
    public var resourceVersion: String

    public init(items: [Object], continueToken: String? = nil, resourceVersion: String) {
        self.items = items
        self.continueToken = continueToken
        self.resourceVersion = resourceVersion
    }

    var isLastPage: Bool { continueToken?.isEmpty ?? true }
}
