import EnsembleSupport
import Foundation
import HTTP
import KubeClient
import KubeCore
import Testing

/// `ensemble controller` as a process against `ensemble dev apiserver`, as an operator would run it.
@Suite struct ControllerCommandTests {
    @Test func servesProbesAndMetricsHoldsTheLeaseAndReleasesItOnSIGTERM() async throws {
        let executable = try #require(EnsembleBinaryTests.executable)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ensemble-controller-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let kubeconfig = directory.appendingPathComponent("kubeconfig")

        let apiserver = try ChildProcess(
            executable, ["dev", "apiserver", "--install-crds", "--listen", "127.0.0.1:0", "--kubeconfig-out", kubeconfig.path],
            log: directory.appendingPathComponent("apiserver.log"))
        defer { apiserver.kill() }
        #expect(await eventually { FileManager.default.fileExists(atPath: kubeconfig.path) }, "\(apiserver.output)")

        let probePort = try freeLoopbackPort()
        let metricsPort = try freeLoopbackPort()
        let controller = try ChildProcess(
            executable,
            [
                "controller", "--kubeconfig", kubeconfig.path, "--health-probe-bind-address", "127.0.0.1:\(probePort)",
                "--metrics-bind-address", "127.0.0.1:\(metricsPort)", "--log-level", "debug",
            ],
            log: directory.appendingPathComponent("controller.log"))
        defer { controller.kill() }

        let http = HTTPClient()
        defer { http.shutdown() }
        func get(_ port: Int, _ path: String) async -> HTTPClientResponse? {
            try? await http.execute(HTTPClientRequest(method: .get, url: "http://127.0.0.1:\(port)\(path)"))
        }
        #expect(await eventually { await get(probePort, "/readyz")?.status == 200 }, "\(controller.output)")
        #expect(await get(probePort, "/healthz")?.status == 200)

        let client = KubeClient(configuration: try ConfigurationLoader(environment: [:]).load(kubeconfig: kubeconfig.path))
        defer { client.shutdown() }
        func holder() async -> String? {
            try? await client.get(Lease.self, "ensemble-controller", namespace: "default").spec?.holderIdentity
        }
        #expect(await eventually { await holder().map { !$0.isEmpty } ?? false }, "\(controller.output)")

        let team = try JSONText.parse(#"{"apiVersion":"ensemble.dev/v1alpha1","kind":"AgentTeam","metadata":{"name":"observed-team"}}"#)
        _ = try? await client.create(
            GroupVersionResource(group: "ensemble.dev", version: "v1alpha1", resource: "agentteams"), team, namespace: "default")
        let metricsText = await eventually {
            let body = await get(metricsPort, "/metrics").map { String(decoding: $0.body, as: UTF8.self) } ?? ""
            return body.contains("workqueue_adds_total") && body.contains("controller_runtime_reconcile_total")
        }
        #expect(metricsText, "\(controller.output)")

        controller.terminate()
        #expect(await controller.exitCode() == 0, "\(controller.output)")
        #expect(await holder() == "", "the Lease is released on SIGTERM")
        apiserver.terminate()
        _ = await apiserver.exitCode()
    }
}

/// Waits (in real time) until `condition` holds; never measures time.
private func eventually(seconds: Int = 60, _ condition: () async -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while ContinuousClock.now < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(100))
    }
    return await condition()
}

/// A port the kernel had free a moment ago on 127.0.0.1.
private func freeLoopbackPort() throws -> Int {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
            bind(descriptor, generic, length) == 0 && getsockname(descriptor, generic, &length) == 0
        }
    }
    guard bound else { throw POSIXError(.EADDRINUSE) }
    return Int(UInt16(bigEndian: address.sin_port))
}

/// A child process writing to a log file, whose exit is awaited through its termination handler.
private final class ChildProcess: Sendable {
    let process: Process
    let log: URL
    private let exit: AsyncStream<Int32>

    init(_ executable: URL, _ arguments: [String], log: URL) throws {
        self.log = log
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        let (exit, continuation) = AsyncStream<Int32>.makeStream(bufferingPolicy: .bufferingNewest(1))
        self.exit = exit
        process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = handle
        process.terminationHandler = { finished in
            continuation.yield(finished.terminationStatus)
            continuation.finish()
        }
        try ProcessLauncher.run(process)
        try handle.close()
    }

    var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    func terminate() {
        if process.isRunning { process.terminate() }
    }

    func kill() {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
    }

    func exitCode() async -> Int32? {
        for await code in exit { return code }
        return nil
    }
}
