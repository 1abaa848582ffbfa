import Foundation
import KubeClient
import KubeTesting

/// A scratch directory removed by nobody: tests write kubeconfigs, tokens and plugins into it.
func temporaryDirectory() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("kubeclient-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func write(_ text: String, to path: String, executable: Bool = false) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    if executable { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path) }
}

/// An emulator and a client pointed at it.
struct EmulatorFixture {
    let emulator: KubeAPIEmulator
    let client: KubeClient

    init(
        configuration: KubeAPIEmulator.Configuration = .init(bookmarkInterval: .milliseconds(200)),
        retry: RetryPolicy = RetryPolicy()
    ) throws {
        emulator = KubeAPIEmulator(configuration: configuration)
        let base = try emulator.start()
        client = KubeClient(configuration: ClientConfiguration(server: base, namespace: "default", retry: retry))
    }
}
