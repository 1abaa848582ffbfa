/// Metadata of a list (`metav1.ListMeta`): its resource version and the token for the next page.
public struct ListMeta: Codable, Sendable, Hashable {
    public var resourceVersion: String?
    /// Pass as `continue` to fetch the next page; absent on the last page.
    public var `continue`: String?
    public var remainingItemCount: Int64?

    public init(resourceVersion: String? = nil, `continue`: String? = nil, remainingItemCount: Int64? = nil) {
        self.resourceVersion = resourceVersion
        self.continue = `continue`
        self.remainingItemCount = remainingItemCount
    }
}
