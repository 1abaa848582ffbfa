import Foundation

/// Throughput and latency percentiles of one measured run.
struct LoadResult {
    var requestsPerSecond: Double
    var p50Milliseconds: Double
    var p99Milliseconds: Double
    var errors: Int

    init(requestsPerSecond: Double, p50Milliseconds: Double, p99Milliseconds: Double, errors: Int = 0) {
        self.requestsPerSecond = requestsPerSecond
        self.p50Milliseconds = p50Milliseconds
        self.p99Milliseconds = p99Milliseconds
        self.errors = errors
    }

    init(latencies: [Double], elapsed: Double, errors: Int) {
        let sorted = latencies.sorted()
        func percentile(_ fraction: Double) -> Double {
            sorted.isEmpty ? .nan : sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))] * 1000
        }
        self.init(
            requestsPerSecond: Double(latencies.count) / elapsed, p50Milliseconds: percentile(0.5),
            p99Milliseconds: percentile(0.99), errors: errors)
    }
}

/// Writes a line to standard output at once (no stdio buffering), so a run cut short still shows what it measured.
func emit(_ line: String = "") {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
