/// The watcher's timing, with kube-rs' and client-go's defaults.
public struct WatcherConfiguration: Sendable, Hashable {
    public var pageSize: Int
    /// Backoff before reconnecting after a failure.
    public var backoff: ExponentialBackoffSettings
    /// How long the watch must have stayed up (across clean reconnects) for the backoff to start over.
    public var healthyResetAfter: Duration
    /// The server-side timeout of each watch request is drawn uniformly from this range.
    public var watchTimeout: ClosedRange<Duration>

    public init(
        pageSize: Int = 500, backoff: ExponentialBackoffSettings = .init(), healthyResetAfter: Duration = .seconds(120),
        watchTimeout: ClosedRange<Duration> = .seconds(300)...(.seconds(600))
    ) {
        self.pageSize = pageSize
        self.backoff = backoff
        self.healthyResetAfter = healthyResetAfter
        self.watchTimeout = watchTimeout
    }
}

/// The parameters of an `ExponentialBackoff`, defaulting to the watcher's 0.8 s → 30 s with ±20 % jitter.
public struct ExponentialBackoffSettings: Sendable, Hashable {
    public var initial: Duration
    public var maximum: Duration
    public var multiplier: Double
    public var jitterFraction: Double

    public init(
        initial: Duration = .milliseconds(800), maximum: Duration = .seconds(30), multiplier: Double = 2,
        jitterFraction: Double = 0.2
    ) {
        self.initial = initial
        self.maximum = maximum
        self.multiplier = multiplier
        self.jitterFraction = jitterFraction
    }
}
