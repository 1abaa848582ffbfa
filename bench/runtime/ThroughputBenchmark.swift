import KubeClient
import KubeCore
import KubeRuntime
import KubeRuntimeClient
import Synchronization

/// Reconciles per second: a fresh Controller reconciles every cached ConfigMap once with a trivial reconcile (one
/// GET), timed from `run()` until the last reconcile finished; the baseline does the same GETs in a sequential loop.
struct ThroughputBenchmark {
    let objects: Int

    struct Result {
        let rates: [(workers: Int, perSecond: Double)]
        let sequentialPerSecond: Double
    }

    func run() async throws -> Result {
        let cluster = try BenchCluster()
        try await cluster.createConfigMaps(objects, prefix: "load")
        let watcher = cluster.configMapWatcher()
        let watching = Task { try await watcher.run() }
        try await watcher.store.waitUntilSynced()
        let keys = watcher.store.list().map(\.key)

        var rates: [(workers: Int, perSecond: Double)] = []
        for workers in [2, 8] {
            let elapsed = try await reconcileAll(keys, workers: workers, cluster: cluster)
            rates.append((workers, Double(keys.count) / elapsed.seconds))
        }

        let started = ContinuousClock.now
        for key in keys {
            _ = try await cluster.client.get(ConfigMap.self, key.name, namespace: key.namespace)
        }
        let sequential = Double(keys.count) / started.duration(to: .now).seconds

        watching.cancel()
        _ = await watching.result
        await cluster.shutdown()
        return Result(rates: rates, sequentialPerSecond: sequential)
    }

    private func reconcileAll(_ keys: [ObjectKey], workers: Int, cluster: BenchCluster) async throws -> Duration {
        let tally = ReconcileTally(target: keys.count)
        let client = cluster.client
        let controller = Controller<ObjectKey>(name: "throughput", workers: workers, logger: cluster.logger) { key, _ in
            _ = try await client.get(ConfigMap.self, key.name, namespace: key.namespace)
            tally.finished()
            return .done
        }
        for key in keys { controller.enqueue(key) }
        let started = ContinuousClock.now
        let reconciling = Task { try await controller.run() }
        let finished = await tally.waitForAll()
        reconciling.cancel()
        _ = await reconciling.result
        return started.duration(to: finished)
    }
}

/// Counts finished reconciles and remembers when the last one expected finished.
final class ReconcileTally: Sendable {
    private let target: Int
    private let count = Atomic<Int>(0)
    private let finishedAt = Mutex<ContinuousClock.Instant?>(nil)

    init(target: Int) {
        self.target = target
    }

    func finished() {
        let now = ContinuousClock.now
        if count.add(1, ordering: .relaxed).newValue == target {
            finishedAt.withLock { $0 = now }
        }
    }

    func waitForAll() async -> ContinuousClock.Instant {
        while true {
            if let instant = finishedAt.withLock({ $0 }) { return instant }
            try? await Task.sleep(for: .milliseconds(1))
        }
    }
}
