/// The list and watch calls of one resource (optionally narrowed by namespace or selectors), as the
/// Kubernetes client provides them.
public protocol ListWatchSource: Sendable {
    associatedtype Object: RuntimeObject
    associatedtype Events: AsyncSequence<WatchEvent<Object>, any Error> & Sendable

    /// A page of at most `limit` objects; `resourceVersion` nil asks for the most recent (a consistent read).
    func list(resourceVersion: String?, limit: Int, continue continueToken: String?) async throws -> ListPage<Object>

    /// The changes after `resourceVersion`; the server ends the stream after `timeout`.
    func watch(resourceVersion: String, timeout: Duration, bookmarks: Bool) async throws -> Events

    /// Classifies an error thrown by `list` or `watch`. The default passes a `WatchFailure` through and
    /// treats anything else as a transport failure.
    func classify(_ error: any Error) -> WatchFailure
}

extension ListWatchSource {
    public func classify(_ error: any Error) -> WatchFailure {
        (error as? WatchFailure) ?? .transport(String(describing: error))
    }
}
