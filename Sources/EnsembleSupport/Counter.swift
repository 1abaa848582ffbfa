import Synchronization

/// A value that only goes up: requests served, tokens spent. One child of a `CounterFamily`.
public final class Counter: Sendable {
    private let bits = Atomic<UInt64>(0.0.bitPattern)

    init() {}

    public var value: Double { bits.loadDouble() }

    /// - Precondition: `amount` is not negative (counters never decrease).
    public func inc(by amount: Double = 1) {
        precondition(amount >= 0, "a counter cannot be incremented by a negative amount (\(amount))")
        bits.addDouble(amount)
    }
}
