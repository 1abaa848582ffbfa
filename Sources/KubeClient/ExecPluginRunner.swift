import EnsembleSupport
import Foundation

/// Runs an exec credential plugin on threads of its own (never Swift's cooperative pool) and returns its output.
enum ExecPluginRunner {
    struct Output: Sendable {
        var status: Int32
        var standardOutput: Data
        var standardError: Data
    }

    static func run(_ config: ExecCredentialConfig, clusterInfo: JSONValue?) async throws(KubeError) -> Output {
        let process = Process()
        if config.command.contains("/") {
            process.executableURL = URL(fileURLWithPath: config.command)
            process.arguments = config.arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [config.command] + config.arguments
        }
        var environment = ProcessInfo.processInfo.environment.merging(config.environment) { _, plugin in plugin }
        var spec: JSONValue = ["interactive": false]
        if config.provideClusterInfo, let clusterInfo { spec["cluster"] = clusterInfo }
        environment["KUBERNETES_EXEC_INFO"] = JSONText.string([
            "apiVersion": .string(config.apiVersion), "kind": "ExecCredential", "spec": spec,
        ])
        process.environment = environment
        let standardOutput = Pipe()
        let standardError = Pipe()
        process.standardOutput = standardOutput
        process.standardError = standardError
        process.standardInput = FileHandle.nullDevice
        do {
            try ProcessLauncher.run(process)
        } catch {
            let hint = config.installHint.map { "\n\($0)" } ?? ""
            throw KubeError.credentials("cannot run exec plugin \(config.command): \(error.localizedDescription)\(hint)")
        }
        let box = UncheckedProcess(process: process, output: standardOutput, error: standardError)
        return await withCheckedContinuation { continuation in
            Thread {
                let errorData = ErrorCollector(handle: box.error.fileHandleForReading)
                let outputData = box.output.fileHandleForReading.readDataToEndOfFile()
                let stderr = errorData.wait()
                box.process.waitUntilExit()
                continuation.resume(returning: Output(
                    status: box.process.terminationStatus, standardOutput: outputData, standardError: stderr))
            }.start()
        }
    }

    /// The process and its pipes, handed to the thread that waits for them and touched by nothing else.
    private struct UncheckedProcess: @unchecked Sendable {
        let process: Process
        let output: Pipe
        let error: Pipe
    }

    /// Drains standard error on a second thread so that neither pipe can fill up and stall the plugin.
    private final class ErrorCollector: @unchecked Sendable {
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(handle: FileHandle) {
            Thread { [self] in
                data = handle.readDataToEndOfFile()
                done.signal()
            }.start()
        }

        func wait() -> Data {
            done.wait()
            return data
        }
    }
}
