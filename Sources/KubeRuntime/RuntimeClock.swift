/// Where the runtime reads the time and waits, so that tests can drive time by hand (`ManualClock`).
public protocol RuntimeClock: Sendable {
    var now: ContinuousClock.Instant { get }

    /// Suspends until `deadline`; throws `CancellationError` when the task is cancelled first.
    func sleep(until deadline: ContinuousClock.Instant) async throws
}

extension RuntimeClock {
    public func sleep(for duration: Duration) async throws {
        try await sleep(until: now.advanced(by: duration))
    }
}

/// The real monotonic clock.
public struct SystemClock: RuntimeClock {
    public init() {}

    public var now: ContinuousClock.Instant { ContinuousClock.now }

    public func sleep(until deadline: ContinuousClock.Instant) async throws {
        try await ContinuousClock().sleep(until: deadline, tolerance: nil)
    }
}
