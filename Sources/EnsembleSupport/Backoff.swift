import Foundation

/// Delays between retries that grow geometrically up to a cap, with jitter so that many clients retrying
/// together spread out. A pure value: randomness comes from the generator passed in.
///
/// The n-th delay (counting from 0 since the last `reset()`) starts from `min(initial × multiplierⁿ, maximum)`:
/// - `.proportional(f)` scales it by a uniform factor in `1 ± f`, then caps it at `maximum` again;
/// - `.full` picks uniformly between zero and it;
/// - `.none` uses it as is.
/// A delay is therefore never longer than `maximum`.
public struct ExponentialBackoff: Sendable, Hashable {
    public enum Jitter: Sendable, Hashable {
        case none
        /// A fraction between 0 and 1 of the delay, added or removed at random.
        case proportional(Double)
        case full
    }

    public let initial: Duration
    public let maximum: Duration
    public let multiplier: Double
    public let jitter: Jitter
    /// How many delays were handed out since creation or the last `reset()`.
    public private(set) var attempts = 0

    /// - Precondition: `initial` is positive, `maximum >= initial`, `multiplier >= 1`, a proportional jitter is in `0...1`.
    public init(initial: Duration, maximum: Duration, multiplier: Double = 2, jitter: Jitter = .proportional(0.2)) {
        precondition(initial > .zero, "backoff initial delay must be positive")
        precondition(maximum >= initial, "backoff maximum must not be below the initial delay")
        precondition(multiplier >= 1, "backoff multiplier must be at least 1")
        if case .proportional(let fraction) = jitter {
            precondition((0...1).contains(fraction), "backoff jitter fraction must be within 0...1")
        }
        self.initial = initial
        self.maximum = maximum
        self.multiplier = multiplier
        self.jitter = jitter
    }

    public mutating func next(using generator: inout some RandomNumberGenerator) -> Duration {
        let maximumSeconds = maximum / .seconds(1)
        // Computed in floating point so that a long run of failures saturates at the cap instead of overflowing.
        let base = min((initial / .seconds(1)) * pow(multiplier, Double(attempts)), maximumSeconds)
        attempts += 1
        let seconds: Double
        switch jitter {
        case .none:
            seconds = base
        case .proportional(let fraction):
            seconds = min(base * (1 + Double.random(in: -fraction...fraction, using: &generator)), maximumSeconds)
        case .full:
            seconds = Double.random(in: 0...base, using: &generator)
        }
        // Whole nanoseconds, so that un-jittered delays are exact (`.milliseconds(15)`, not 14.999… ms).
        return .nanoseconds(Int64((seconds * 1e9).rounded()))
    }

    public mutating func next() -> Duration {
        var generator = SystemRandomNumberGenerator()
        return next(using: &generator)
    }

    /// Starts again from `initial`, typically after a success.
    public mutating func reset() {
        attempts = 0
    }
}
