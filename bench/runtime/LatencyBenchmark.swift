import KubeClient
import KubeCore
import KubeRuntime
import KubeRuntimeClient

/// Watch event → reconcile start: patches one ConfigMap at a time and measures from the patch's response to the
/// start of that object's reconcile, driven by a Watcher + Controller or by a list-poll loop. Each patch waits a
/// random 0–100 ms first, so that patches do not fall in step with the poll loop's lists.
struct LatencyBenchmark {
    static let objectCount = 100
    static let pollInterval = Duration.milliseconds(100)
    let updates: Int

    /// Latencies of one driver, from the patch's response and from the patch being sent.
    struct Latencies {
        let fromResponse: LatencySummary
        let fromSent: LatencySummary
    }

    struct Result {
        let watch: Latencies
        let poll: Latencies
        /// Reconciles that started before the patch's response arrived (counted as 0 ms).
        let beforeResponse: Int
        let timeouts: Int
    }

    func run() async throws -> Result {
        let cluster = try BenchCluster()
        try await cluster.createConfigMaps(Self.objectCount, prefix: "latency")

        let probe = ReconcileProbe()
        let watcher = cluster.configMapWatcher()
        let controller = Controller<ObjectKey>(name: "latency", workers: 2, logger: cluster.logger) { key, _ in
            probe.reconcileStarted(key.name)
            return .done
        }
        controller.watchPrimary(watcher)
        let watching = Task { try await watcher.run() }
        let reconciling = Task { try await controller.run() }
        try await watcher.store.waitUntilSynced()
        try await Task.sleep(for: .milliseconds(500))
        let watchRun = try await measure(client: cluster.client, probe: probe, round: 0)
        reconciling.cancel()
        watching.cancel()
        _ = await reconciling.result
        _ = await watching.result

        let polling = Task { [client = cluster.client] in
            await ListPollLoop(client: client, interval: Self.pollInterval) { probe.reconcileStarted($0) }.run()
        }
        try await Task.sleep(for: .milliseconds(300))
        let pollRun = try await measure(client: cluster.client, probe: probe, round: 1)
        polling.cancel()
        _ = await polling.value
        await cluster.shutdown()

        return Result(
            watch: watchRun.latencies, poll: pollRun.latencies,
            beforeResponse: watchRun.beforeResponse + pollRun.beforeResponse,
            timeouts: watchRun.timeouts + pollRun.timeouts)
    }

    private struct Run {
        var fromResponse: [Duration] = []
        var fromSent: [Duration] = []
        var beforeResponse = 0
        var timeouts = 0

        var latencies: Latencies {
            Latencies(fromResponse: LatencySummary(fromResponse), fromSent: LatencySummary(fromSent))
        }
    }

    private func measure(client: KubeClient, probe: ReconcileProbe, round: Int) async throws -> Run {
        var run = Run()
        for update in 0..<updates {
            let name = "latency-\(update % Self.objectCount)"
            try await Task.sleep(for: .microseconds(Int.random(in: 0..<100_000)))
            probe.expect(name)
            let sent = ContinuousClock.now
            _ = try await client.patch(
                ConfigMap.self, name, patch: .merge(["data": ["update": .string("\(round)-\(update)")]]))
            let responded = ContinuousClock.now
            guard let started = await probe.waitForStart() else {
                run.timeouts += 1
                continue
            }
            if started < responded { run.beforeResponse += 1 }
            run.fromResponse.append(started < responded ? .zero : responded.duration(to: started))
            run.fromSent.append(sent.duration(to: started))
        }
        return run
    }
}
