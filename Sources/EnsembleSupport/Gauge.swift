import Synchronization

/// A value that goes up and down: queue depth, sessions in flight. One child of a `GaugeFamily`.
public final class Gauge: Sendable {
    private let bits = Atomic<UInt64>(0.0.bitPattern)

    init() {}

    public var value: Double { bits.loadDouble() }

    public func set(_ value: Double) {
        bits.storeDouble(value)
    }

    public func add(_ amount: Double) {
        bits.addDouble(amount)
    }

    public func inc() { add(1) }

    public func dec() { add(-1) }
}
