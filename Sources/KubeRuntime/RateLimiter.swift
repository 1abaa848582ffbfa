import EnsembleSupport

/// controller-runtime's default rate limiter as a value: the longer of a per-key exponential backoff
/// (5 ms doubling to 1000 s, without jitter) and an overall token bucket (10 per second, burst 100).
public struct RateLimiter<Key: Hashable & Sendable>: Sendable {
    private var failures: [Key: ExponentialBackoff] = [:]
    private var bucket: TokenBucket
    private let initialBackoff: Duration
    private let maximumBackoff: Duration

    public init(
        initialBackoff: Duration = .milliseconds(5), maximumBackoff: Duration = .seconds(1000),
        tokensPerSecond: Double = 10, burst: Int = 100
    ) {
        self.initialBackoff = initialBackoff
        self.maximumBackoff = maximumBackoff
        bucket = TokenBucket(tokensPerSecond: tokensPerSecond, burst: burst)
    }

    /// The delay before `key` may be retried; each call counts one more failure of `key`.
    public mutating func delay(for key: Key, at now: ContinuousClock.Instant) -> Duration {
        var backoff = failures[key]
            ?? ExponentialBackoff(initial: initialBackoff, maximum: maximumBackoff, jitter: .none)
        var unused = SystemRandomNumberGenerator()
        let perKey = backoff.next(using: &unused)
        failures[key] = backoff
        return max(perKey, bucket.reserve(at: now))
    }

    /// How many failures of `key` were counted since it was last forgotten.
    public func retries(of key: Key) -> Int {
        failures[key]?.attempts ?? 0
    }

    /// Clears the failures of `key`, typically after it was processed successfully.
    public mutating func forget(_ key: Key) {
        failures[key] = nil
    }
}
