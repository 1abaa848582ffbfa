import Synchronization

/// Counts observations into buckets by upper bound, with their sum: latencies, sizes. One child of a `HistogramFamily`.
public final class Histogram: Sendable {
    /// The finite upper bounds, increasing; the `+Inf` bucket is implicit.
    public let upperBounds: [Double]
    private let state: Mutex<Observations>

    private struct Observations {
        /// Not cumulative; the last element is the `+Inf` bucket.
        var bucketCounts: [UInt64]
        var sum = 0.0
        var count: UInt64 = 0
    }

    /// What a histogram has recorded at one moment, with bucket counts cumulative as Prometheus exposes them.
    public struct Snapshot: Sendable, Hashable {
        /// The bucket bounds including the final `+Inf`.
        public let upperBounds: [Double]
        public let cumulativeCounts: [UInt64]
        public let sum: Double
        public let count: UInt64
    }

    init(upperBounds: [Double]) {
        self.upperBounds = upperBounds
        state = Mutex(Observations(bucketCounts: Array(repeating: 0, count: upperBounds.count + 1)))
    }

    public func observe(_ value: Double) {
        let bucket = upperBounds.firstIndex { value <= $0 } ?? upperBounds.count
        state.withLock { observations in
            observations.bucketCounts[bucket] += 1
            observations.sum += value
            observations.count += 1
        }
    }

    /// Observes a duration in seconds, the Prometheus base unit.
    public func observe(_ duration: Duration) {
        observe(duration / .seconds(1))
    }

    public func snapshot() -> Snapshot {
        let observations = state.withLock { $0 }
        var running: UInt64 = 0
        let cumulative = observations.bucketCounts.map { count in
            running += count
            return running
        }
        return Snapshot(
            upperBounds: upperBounds + [.infinity], cumulativeCounts: cumulative, sum: observations.sum,
            count: observations.count)
    }
}
