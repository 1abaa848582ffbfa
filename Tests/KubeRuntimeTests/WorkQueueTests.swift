import EnsembleSupport
import Synchronization
import Testing
import KubeRuntime

@Suite struct WorkQueueTests {
    @Test func deduplicatesQueuedKeys() async {
        let queue = WorkQueue<String>(name: "test")
        queue.add("a")
        queue.add("b")
        queue.add("a")
        #expect(queue.depth == 2)
        #expect(await queue.get() == "a")
        #expect(await queue.get() == "b")
        #expect(queue.depth == 0)
    }

    @Test func keyAddedWhileProcessingWaitsForDone() async {
        let queue = WorkQueue<String>(name: "test")
        queue.add("a")
        #expect(await queue.get() == "a")
        queue.add("a")
        queue.add("a")
        #expect(queue.depth == 0)
        queue.done("a")
        #expect(queue.depth == 1)
        #expect(await queue.get() == "a")
        queue.done("a")
        #expect(queue.depth == 0)
    }

    @Test func waitingWorkerGetsTheNextKey() async {
        let queue = WorkQueue<Int>(name: "test")
        let worker = Task { await queue.get() }
        try? await Task.sleep(for: .milliseconds(5))
        queue.add(42)
        #expect(await worker.value == 42)
    }

    @Test func eightWorkersNeverProcessTheSameKeyAtOnceAndLoseNoAdd() async {
        let queue = WorkQueue<Int>(name: "hammer")
        struct Tracking: Sendable {
            var inFlight: Set<Int> = []
            var violations = 0
            var addedVersion: [Int: Int] = [:]
            var processedVersion: [Int: Int] = [:]
        }
        let tracking = Locked(Tracking())
        let workers = (0..<8).map { _ in
            Task {
                while let key = await queue.get() {
                    tracking.withLock { state in
                        if !state.inFlight.insert(key).inserted { state.violations += 1 }
                        state.processedVersion[key] = state.addedVersion[key]
                    }
                    for _ in 0..<3 { await Task.yield() }
                    tracking.withLock { _ = $0.inFlight.remove(key) }
                    queue.done(key)
                }
            }
        }
        let producers = (0..<4).map { producer in
            Task {
                for round in 0..<2_500 {
                    let key = (round * 7 + producer) % 20
                    tracking.withLock { $0.addedVersion[key, default: 0] += 1 }
                    queue.add(key)
                    if round.isMultiple(of: 16) { await Task.yield() }
                }
            }
        }
        for producer in producers { await producer.value }
        let settled = await eventually {
            tracking.withLock { $0.processedVersion == $0.addedVersion && $0.inFlight.isEmpty } && queue.depth == 0
        }
        queue.shutdown()
        for worker in workers { await worker.value }
        #expect(settled)
        #expect(tracking.withLock { $0.violations } == 0)
    }

    @Test func addAfterWaitsForTheClockAndKeepsTheEarlierDeadline() async {
        let clock = ManualClock()
        let queue = WorkQueue<String>(name: "test", clock: clock)
        queue.add("a", after: .seconds(10))
        queue.add("a", after: .seconds(2))
        queue.add("a", after: .seconds(5))
        await clock.waitForSleepers(count: 1)
        #expect(queue.depth == 0)
        clock.advance(by: .seconds(1))
        #expect(queue.depth == 0)
        clock.advance(by: .seconds(1))
        #expect(await eventually { queue.depth == 1 })
        clock.advance(by: .seconds(10))
        #expect(await queue.get() == "a")
        queue.done("a")
        #expect(queue.depth == 0)
    }

    @Test func rateLimitedAddsBackOffPerKeyAndForgetResets() async {
        let clock = ManualClock()
        let queue = WorkQueue<String>(name: "test", clock: clock)
        queue.addRateLimited("a")
        queue.addRateLimited("a")
        #expect(queue.retries(of: "a") == 2)
        await clock.waitForSleepers(count: 1)
        clock.advance(by: .milliseconds(5))
        #expect(await eventually { queue.depth == 1 })
        queue.forget("a")
        #expect(queue.retries(of: "a") == 0)
    }

    @Test func rateLimiterDoublesFromFiveMillisecondsToThousandSeconds() {
        var limiter = RateLimiter<String>(tokensPerSecond: 1e9, burst: 1_000_000)
        let now = ContinuousClock.now
        let delays = (0..<20).map { _ in limiter.delay(for: "k", at: now) }
        #expect(delays.prefix(4) == [.milliseconds(5), .milliseconds(10), .milliseconds(20), .milliseconds(40)])
        #expect(delays[17] == .nanoseconds(655_360_000_000))
        #expect(delays[18] == .seconds(1000) && delays[19] == .seconds(1000))
        #expect(limiter.delay(for: "other", at: now) == .milliseconds(5))
        limiter.forget("k")
        #expect(limiter.delay(for: "k", at: now) == .milliseconds(5))
    }

    @Test func overallTokenBucketLimitsAfterTheBurst() {
        var limiter = RateLimiter<Int>()
        let now = ContinuousClock.now
        let delays = (0..<102).map { limiter.delay(for: $0, at: now) }
        #expect(delays.prefix(100).allSatisfy { $0 == .milliseconds(5) })
        #expect(delays[100] == .milliseconds(100))
        #expect(delays[101] == .milliseconds(200))
        // Tokens refill at 10 per second.
        #expect(limiter.delay(for: 500, at: now.advanced(by: .milliseconds(100))) == .milliseconds(200))
        #expect(limiter.delay(for: 501, at: now.advanced(by: .seconds(2))) == .milliseconds(5))
    }

    @Test func shutdownReleasesWaitingWorkersAndIgnoresAdds() async {
        let clock = ManualClock()
        let queue = WorkQueue<String>(name: "test", clock: clock)
        let waiting = Task { await queue.get() }
        queue.add("x", after: .seconds(1))
        try? await Task.sleep(for: .milliseconds(5))
        queue.shutdown()
        #expect(await waiting.value == nil)
        queue.add("y")
        #expect(queue.depth == 0)
        #expect(await queue.get() == nil)
        #expect(queue.isShutDown)
    }

    @Test func cancelledGetReturnsNil() async {
        let queue = WorkQueue<String>(name: "test")
        let waiting = Task { await queue.get() }
        waiting.cancel()
        #expect(await waiting.value == nil)
        queue.add("a")
        #expect(await queue.get() == "a")
    }

    @Test func exportsMetrics() async {
        let registry = MetricsRegistry()
        let queue = WorkQueue<String>(name: "teams", metrics: registry)
        queue.add("a")
        queue.add("b")
        queue.add("a")
        queue.addRateLimited("c")
        let text = registry.exposition()
        #expect(text.contains("workqueue_depth{name=\"teams\"} 2"))
        #expect(text.contains("workqueue_adds_total{name=\"teams\"} 2"))
        #expect(text.contains("workqueue_retries_total{name=\"teams\"} 1"))
        _ = await queue.get()
        queue.done("a")
        let after = registry.exposition()
        #expect(after.contains("workqueue_queue_duration_seconds_count{name=\"teams\"} 1"))
        #expect(after.contains("workqueue_work_duration_seconds_count{name=\"teams\"} 1"))
        queue.shutdown()
    }
}
