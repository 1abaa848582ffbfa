/// A client-side token bucket: `queriesPerSecond` on average, bursts of up to `burst` requests.
public struct RateLimit: Sendable, Hashable {
    public var queriesPerSecond: Double
    public var burst: Int

    /// - Precondition: both are positive.
    public init(queriesPerSecond: Double, burst: Int) {
        precondition(queriesPerSecond > 0 && burst > 0, "rate limit needs positive QPS and burst")
        self.queriesPerSecond = queriesPerSecond
        self.burst = burst
    }
}
