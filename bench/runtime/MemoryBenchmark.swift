import Foundation
import KubeCore
import KubeRuntime
import KubeRuntimeClient

/// Memory per cached object: the RSS a Store filled by a Watcher adds, per ConfigMap, and the RSS the same
/// objects add when held as raw JSON `Data` (each cached object re-encoded) in an array.
struct MemoryBenchmark {
    let counts: [Int]

    struct Sample {
        let objects: Int
        let storeBytes: Int
        let jsonBytes: Int
        /// The summed length of the JSON documents: exact, unlike RSS.
        let jsonPayloadBytes: Int
    }

    func run() async throws -> [Sample] {
        var samples: [Sample] = []
        for count in counts {
            samples.append(try await measure(count))
        }
        return samples
    }

    private func measure(_ count: Int) async throws -> Sample {
        let cluster = try BenchCluster()
        try await cluster.createConfigMaps(count, prefix: "cached")
        let watcher = cluster.configMapWatcher()

        let beforeStore = ResidentMemory.current()
        let watching = Task { try await watcher.run() }
        try await watcher.store.waitUntilSynced()
        let storeBytes = ResidentMemory.current() - beforeStore

        let encoder = JSONEncoder()
        let objects = watcher.store.list().map(\.object)
        let beforeJSON = ResidentMemory.current()
        var raw: [Data] = []
        raw.reserveCapacity(objects.count)
        for object in objects {
            raw.append(try encoder.encode(object))
        }
        let jsonBytes = ResidentMemory.current() - beforeJSON

        watching.cancel()
        _ = await watching.result
        await cluster.shutdown()
        let payload = raw.reduce(0) { $0 + $1.count }
        return Sample(objects: count, storeBytes: storeBytes, jsonBytes: jsonBytes, jsonPayloadBytes: payload)
    }
}
