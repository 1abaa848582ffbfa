import EnsembleSupport
import Testing
import KubeRuntime

@Suite struct ControllerTests {
    struct Flaky: Error {}

    /// The "cluster": desired versions written by the test, applied versions written by reconciles.
    struct World: Sendable {
        var desired: [Int: Int] = [:]
        var applied: [Int: Int] = [:]
        var inFlight: Set<Int> = []
        var concurrentReconciles = 0
        var attempts: [Int: Int] = [:]
    }

    private func makeController(
        workers: Int, logs: InMemoryLogHandler = InMemoryLogHandler(), metrics: MetricsRegistry? = nil,
        reconcile: @escaping Controller<Int>.Reconcile
    ) -> Controller<Int> {
        let queue = WorkQueue<Int>(name: "test", rateLimiter: RateLimiter(maximumBackoff: .milliseconds(20), tokensPerSecond: 1e6, burst: 1_000_000), metrics: metrics)
        return Controller(
            name: "test", workers: workers, queue: queue,
            logger: Logger(label: "test", minimumLevel: .debug, handler: logs), metrics: metrics, reconcile: reconcile)
    }

    @Test func reconcilesAThousandKeysWithNoLostOrDuplicatedFinalState() async {
        let world = Locked(World())
        let controller = makeController(workers: 8) { key, _ in
            let attempt = world.withLock { world in
                if !world.inFlight.insert(key).inserted { world.concurrentReconciles += 1 }
                world.attempts[key, default: 0] += 1
                return world.attempts[key]!
            }
            defer { world.withLock { _ = $0.inFlight.remove(key) } }
            await Task.yield()
            if key.isMultiple(of: 7) && attempt == 1 { throw Flaky() }
            world.withLock { $0.applied[key] = $0.desired[key] }
            if key.isMultiple(of: 13) && attempt == 1 { return .requeue(after: .milliseconds(1)) }
            return .done
        }
        let run = Task { try await controller.run() }
        for round in 1...3 {
            for key in 0..<1000 {
                world.withLock { $0.desired[key] = round }
                controller.enqueue(key)
            }
            await Task.yield()
        }
        let converged = await eventually {
            world.withLock { $0.applied == $0.desired && $0.inFlight.isEmpty } && controller.queue.depth == 0
        }
        run.cancel()
        try? await run.value
        #expect(converged)
        #expect(world.value.applied.count == 1000)
        #expect(world.value.concurrentReconciles == 0)
    }

    @Test func errorsRetryWithBackoffUntilSuccess() async {
        let attempts = Locked(0)
        let metrics = MetricsRegistry()
        let controller = makeController(workers: 2, metrics: metrics) { _, _ in
            let attempt = attempts.withLock { count in
                count += 1
                return count
            }
            if attempt < 4 { throw Flaky() }
            return .done
        }
        let run = Task { try await controller.run() }
        controller.enqueue(1)
        #expect(await eventually { attempts.value == 4 && controller.queue.retries(of: 1) == 0 })
        run.cancel()
        try? await run.value
        let text = metrics.exposition()
        #expect(text.contains("controller_runtime_reconcile_total{controller=\"test\",result=\"error\"} 3"))
        #expect(text.contains("controller_runtime_reconcile_total{controller=\"test\",result=\"success\"} 1"))
        #expect(text.contains("workqueue_retries_total{name=\"test\"} 3"))
        #expect(text.contains("controller_runtime_reconcile_time_seconds_count{controller=\"test\"} 4"))
    }

    @Test func terminalErrorIsLoggedWithTheReconcileIDAndNotRetried() async {
        let attempts = Locked(0)
        let logs = InMemoryLogHandler()
        let metrics = MetricsRegistry()
        let controller = makeController(workers: 1, logs: logs, metrics: metrics) { _, context in
            attempts.withLock { $0 += 1 }
            context.logger.info("working")
            throw ReconcileError.terminal("spec is invalid")
        }
        let run = Task { try await controller.run() }
        controller.enqueue(5)
        #expect(await eventually { logs.records.contains { $0.level == .error } })
        // A later key is processed after the terminal one: the terminal key was not re-queued in between.
        controller.enqueue(6)
        #expect(await eventually { attempts.value == 2 })
        run.cancel()
        try? await run.value
        #expect(attempts.value == 2)
        #expect(controller.queue.retries(of: 5) == 0)
        let working = logs.records.first { $0.message == "working" }
        let failure = logs.records.first { $0.level == .error }
        #expect(working?.metadata["reconcileID"] != nil)
        #expect(working?.metadata["reconcileID"] == failure?.metadata["reconcileID"])
        #expect(failure?.metadata["key"] == "5" && failure?.metadata["controller"] == "test")
        #expect(metrics.exposition().contains("result=\"terminal_error\"} 2"))
    }

    @Test func requeueAfterReconcilesAgainWithoutCountingAFailure() async {
        let clock = ManualClock()
        let attempts = Locked(0)
        let queue = WorkQueue<Int>(name: "requeue", clock: clock)
        let controller = Controller<Int>(
            name: "requeue", queue: queue, clock: clock, logger: Logger(label: "test", handler: InMemoryLogHandler())
        ) { _, _ in
            let attempt = attempts.withLock { count in
                count += 1
                return count
            }
            return attempt == 1 ? .requeue(after: .seconds(30)) : .done
        }
        let run = Task { try await controller.run() }
        controller.enqueue(1)
        await clock.waitForSleepers(count: 1)
        #expect(attempts.value == 1 && queue.retries(of: 1) == 0)
        clock.advance(by: .seconds(30))
        #expect(await eventually { attempts.value == 2 })
        run.cancel()
        try? await run.value
    }

    @Test func watchesMapChangesToKeys() async {
        let owner = OwnerReference(apiVersion: "ensemble.dev/v1alpha1", kind: "AgentTeam", name: "team-a", uid: "u", controller: true)
        let other = OwnerReference(apiVersion: "apps/v1", kind: "ReplicaSet", name: "rs", uid: "r", controller: true)
        let seen = Locked<Set<ObjectKey>>([])
        let controller = Controller<ObjectKey>(name: "teams", logger: Logger(label: "test", handler: InMemoryLogHandler())) { key, _ in
            seen.withLock { _ = $0.insert(key) }
            return .done
        }
        let (primary, primaryInput) = AsyncStream<AppliedChange<TestObject>>.makeStream()
        let (owned, ownedInput) = AsyncStream<AppliedChange<TestObject>>.makeStream()
        controller.watch(primary) { [$0.key] }
        controller.watch(owned) { child in
            Controller<ObjectKey>.controllerOwnerKey(of: child, kind: "AgentTeam", group: "ensemble.dev").map { [$0] } ?? []
        }
        let run = Task { try await controller.run() }
        primaryInput.yield(.replaced(current: [TestObject("ns", "team-b")], removed: [TestObject("ns", "team-gone")]))
        ownedInput.yield(.upserted(TestObject("ns", "deploy", owners: [owner])))
        ownedInput.yield(.deleted(TestObject("ns", "pod", owners: [other])))
        let expected: Set<ObjectKey> = [
            ObjectKey(namespace: "ns", name: "team-b"), ObjectKey(namespace: "ns", name: "team-gone"),
            ObjectKey(namespace: "ns", name: "team-a"),
        ]
        #expect(await eventually { seen.value == expected })
        run.cancel()
        try? await run.value
        #expect(seen.value == expected)
    }

    @Test func cancellationFinishesTheReconcileInProgress() async {
        let finished = Locked(false)
        let started = Locked(false)
        let controller = makeController(workers: 1) { _, _ in
            started.withLock { $0 = true }
            try? await Task.sleep(for: .milliseconds(20))
            finished.withLock { $0 = true }
            return .done
        }
        let run = Task { try await controller.run() }
        controller.enqueue(1)
        #expect(await eventually { started.value })
        run.cancel()
        try? await run.value
        #expect(finished.value)
        #expect(controller.queue.isShutDown)
    }
}
