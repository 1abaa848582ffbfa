import Foundation

/// Writes a line to standard output at once (no stdio buffering), so a run cut short still shows what it measured.
func emit(_ line: String = "") {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

func format(_ value: Double, decimals: Int = 2) -> String {
    String(format: "%.\(decimals)f", value)
}

extension Duration {
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}

/// p50 and p99 of a set of durations, in milliseconds.
struct LatencySummary {
    let p50Milliseconds: Double
    let p99Milliseconds: Double
    let count: Int

    init(_ samples: [Duration]) {
        let sorted = samples.map { $0.seconds * 1000 }.sorted()
        func percentile(_ fraction: Double) -> Double {
            sorted.isEmpty ? .nan : sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]
        }
        p50Milliseconds = percentile(0.5)
        p99Milliseconds = percentile(0.99)
        count = sorted.count
    }
}
