import EnsembleSupport
import KubeClient
import KubeCore
import KubeRuntime
import KubeRuntimeClient
import KubeTesting

/// A log handler that drops everything, so that logging costs nothing in the measurements.
struct DiscardingLogHandler: LogHandler {
    func log(_ record: LogRecord) {}
}

/// A fresh emulator on loopback, a client pointed at it and a silent logger.
struct BenchCluster {
    let emulator: KubeAPIEmulator
    let client: KubeClient
    let logger = Logger(label: "bench", minimumLevel: .error, handler: DiscardingLogHandler())

    init() throws {
        emulator = KubeAPIEmulator()
        let base = try emulator.start()
        client = KubeClient(configuration: ClientConfiguration(server: base, namespace: "default"))
    }

    /// A watcher over the ConfigMaps of the default namespace.
    func configMapWatcher() -> Watcher<TypedListWatchSource<ConfigMap>> {
        Watcher(
            name: "configmaps",
            source: TypedListWatchSource<ConfigMap>(client: client, scope: ResourceScope(namespace: "default")),
            logger: logger)
    }

    /// Creates `count` ConfigMaps named `prefix-<index>`, each with a small data map, from 8 concurrent tasks.
    func createConfigMaps(_ count: Int, prefix: String) async throws {
        let client = client
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    for index in stride(from: worker, to: count, by: 8) {
                        let configMap = ConfigMap(
                            metadata: ObjectMeta(name: "\(prefix)-\(index)"),
                            data: ["index": "\(index)", "color": "blue", "size": "small"])
                        _ = try await client.create(configMap)
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    func shutdown() async {
        client.shutdown()
        await emulator.shutdown()
    }
}
