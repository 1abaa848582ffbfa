import EnsembleSupport
import KubeClient
import KubeRuntime
import KubeTesting

/// An emulator, a client pointed at it, and a quiet logger.
struct EmulatorFixture {
    let emulator: KubeAPIEmulator
    let client: KubeClient
    let logger = Logger(label: "test", handler: InMemoryLogHandler())

    init() throws {
        emulator = KubeAPIEmulator(configuration: .init(bookmarkInterval: .milliseconds(200)))
        let base = try emulator.start()
        client = KubeClient(configuration: ClientConfiguration(server: base, namespace: "default"))
    }

    /// Short reconnect backoff, so that recoveries in tests take milliseconds.
    static let quickWatcher = WatcherConfiguration(
        pageSize: 100, backoff: ExponentialBackoffSettings(initial: .milliseconds(20), maximum: .milliseconds(200)))

    func shutdown() async {
        client.shutdown()
        await emulator.shutdown()
    }
}
