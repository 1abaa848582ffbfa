/// Why a list or watch request failed, as the watcher needs to know it.
public enum WatchFailure: Error, Sendable, Hashable {
    /// 410 Gone: the resourceVersion (or continue token) is too old; a fresh list is needed.
    case gone
    /// 429 Too Many Requests.
    case throttled(retryAfter: Duration?)
    /// Another HTTP error status, typically a 5xx.
    case server(status: Int, retryAfter: Duration?)
    /// The connection failed or broke, or the response could not be read.
    case transport(String)

    var retryAfter: Duration? {
        switch self {
        case .throttled(let retryAfter), .server(_, let retryAfter): retryAfter
        case .gone, .transport: nil
        }
    }
}
