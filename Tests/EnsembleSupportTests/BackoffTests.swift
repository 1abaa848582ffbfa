import Testing
@testable import EnsembleSupport

/// SplitMix64: a tiny seeded generator, so that jittered sequences are reproducible.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

@Suite struct BackoffTests {
    private func seconds(_ duration: Duration) -> Double {
        duration / .seconds(1)
    }

    @Test func growsGeometricallyUpToTheMaximum() {
        var backoff = ExponentialBackoff(initial: .seconds(1), maximum: .seconds(10), jitter: .none)
        var generator = SplitMix64(seed: 1)
        let delays = (0..<7).map { _ in backoff.next(using: &generator) }
        #expect(delays == [.seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(10), .seconds(10), .seconds(10)])
        #expect(backoff.attempts == 7)
    }

    @Test func resetStartsAgainFromTheInitialDelay() {
        var backoff = ExponentialBackoff(initial: .milliseconds(5), maximum: .seconds(1), multiplier: 3, jitter: .none)
        var generator = SplitMix64(seed: 2)
        _ = backoff.next(using: &generator)
        #expect(backoff.next(using: &generator) == .milliseconds(15))
        backoff.reset()
        #expect(backoff.attempts == 0)
        #expect(backoff.next(using: &generator) == .milliseconds(5))
    }

    @Test func proportionalJitterStaysWithinItsBoundsAndTheCap() {
        var backoff = ExponentialBackoff(initial: .milliseconds(800), maximum: .seconds(30), jitter: .proportional(0.2))
        var generator = SplitMix64(seed: 3)
        var observed: Set<Duration> = []
        for attempt in 0..<40 {
            let base = min(0.8 * Double(1 << min(attempt, 20)), 30)
            let delay = seconds(backoff.next(using: &generator))
            #expect(delay >= base * 0.8 - 1e-9 && delay <= min(base * 1.2, 30) + 1e-9, "attempt \(attempt): \(delay)")
            observed.insert(.seconds(delay))
        }
        #expect(observed.count > 20, "jitter should spread the delays")
    }

    @Test func fullJitterStaysBetweenZeroAndTheBase() {
        var backoff = ExponentialBackoff(initial: .seconds(1), maximum: .seconds(8), jitter: .full)
        var generator = SplitMix64(seed: 4)
        for attempt in 0..<30 {
            let base = min(Double(1 << min(attempt, 20)), 8)
            let delay = seconds(backoff.next(using: &generator))
            #expect(delay >= 0 && delay <= base, "attempt \(attempt): \(delay)")
        }
    }

    @Test func sameSeedGivesTheSameSequence() {
        func sequence(seed: UInt64) -> [Duration] {
            var backoff = ExponentialBackoff(initial: .milliseconds(5), maximum: .seconds(1000))
            var generator = SplitMix64(seed: seed)
            return (0..<20).map { _ in backoff.next(using: &generator) }
        }
        #expect(sequence(seed: 42) == sequence(seed: 42))
        #expect(sequence(seed: 42) != sequence(seed: 43))
    }

    @Test func longFailureRunsSaturateAtTheCapWithoutOverflow() {
        var backoff = ExponentialBackoff(initial: .milliseconds(5), maximum: .seconds(1000))
        var generator = SplitMix64(seed: 5)
        for _ in 0..<5_000 {
            let delay = backoff.next(using: &generator)
            #expect(delay > .zero && delay <= .seconds(1000))
        }
        #expect(backoff.attempts == 5_000)
        let delay = backoff.next()
        #expect(delay >= .seconds(800) && delay <= .seconds(1000))
    }
}
