import Foundation

/// Which failed requests the client retries, as client-go does: 429 and 5xx answers that carry `Retry-After`
/// are retried after that delay, up to `maximumRetries` times. Everything else is returned at once, and watches
/// are never retried here.
public struct RetryPolicy: Sendable, Hashable {
    public var maximumRetries: Int
    /// The longest wait honoured; a larger `Retry-After` is cut to this.
    public var maximumDelay: Duration

    public init(maximumRetries: Int = 10, maximumDelay: Duration = .seconds(60)) {
        self.maximumRetries = maximumRetries
        self.maximumDelay = maximumDelay
    }

    public static let never = RetryPolicy(maximumRetries: 0)

    /// The delay before retrying an answer with this status and `Retry-After` header, or nil to give up.
    func delay(status: Int, retryAfterHeader: String?, attempt: Int) -> Duration? {
        guard attempt < maximumRetries, status == 429 || status >= 500,
            let header = retryAfterHeader?.trimmingCharacters(in: .whitespaces), let seconds = Int(header), seconds >= 0
        else { return nil }
        return min(.seconds(seconds), maximumDelay)
    }
}

