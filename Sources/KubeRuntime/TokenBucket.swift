/// A token bucket that hands out reservations, as Go's `rate.Limiter.Reserve`: every call takes a token,
/// possibly one not refilled yet, and learns how long to wait for it.
public struct TokenBucket: Sendable {
    public let tokensPerSecond: Double
    public let burst: Int
    private var tokens: Double
    private var updatedAt: ContinuousClock.Instant?

    public init(tokensPerSecond: Double, burst: Int) {
        precondition(tokensPerSecond > 0 && burst > 0, "a token bucket needs a positive rate and burst")
        self.tokensPerSecond = tokensPerSecond
        self.burst = burst
        tokens = Double(burst)
    }

    /// Takes a token and returns how long to wait before using it (zero when one is available now).
    public mutating func reserve(at now: ContinuousClock.Instant) -> Duration {
        if let updatedAt {
            let elapsed = updatedAt.duration(to: now) / .seconds(1)
            tokens = min(Double(burst), tokens + max(0, elapsed) * tokensPerSecond)
        }
        updatedAt = now
        tokens -= 1
        guard tokens < 0 else { return .zero }
        return .nanoseconds(Int64((-tokens / tokensPerSecond * 1e9).rounded(.up)))
    }
}
