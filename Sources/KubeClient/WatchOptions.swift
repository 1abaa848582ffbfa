/// Where a watch starts and what it selects.
public struct WatchOptions: Sendable, Hashable {
    /// Start after this version (from a list or a bookmark); nil or "0" starts with the current objects as ADDED.
    public var resourceVersion: String?
    public var allowWatchBookmarks: Bool
    /// The server ends the watch after this many seconds.
    public var timeoutSeconds: Int?
    public var labelSelector: String?
    public var fieldSelector: String?

    public init(
        resourceVersion: String? = nil, allowWatchBookmarks: Bool = true, timeoutSeconds: Int? = nil,
        labelSelector: String? = nil, fieldSelector: String? = nil
    ) {
        self.resourceVersion = resourceVersion
        self.allowWatchBookmarks = allowWatchBookmarks
        self.timeoutSeconds = timeoutSeconds
        self.labelSelector = labelSelector
        self.fieldSelector = fieldSelector
    }

    var queryItems: [QueryItem] {
        [
            QueryItem("watch", "true"), QueryItem("resourceVersion", resourceVersion),
            allowWatchBookmarks ? QueryItem("allowWatchBookmarks", "true") : nil,
            QueryItem("timeoutSeconds", timeoutSeconds.map(String.init)),
            QueryItem("labelSelector", labelSelector), QueryItem("fieldSelector", fieldSelector),
        ].compactMap { $0 }
    }
}
