import EnsembleSupport
import Foundation
import Testing

/// Runs the built `ensemble` executable as a process.
@Suite struct EnsembleBinaryTests {
    struct Result {
        let exitCode: Int32
        let output: String
        let error: String
    }

    /// The `ensemble` executable SwiftPM builds next to the test runner, since this test target depends on it.
    static var executable: URL? {
        let runner = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let candidates = [
            runner.deletingLastPathComponent(),
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
        ].map { $0.appendingPathComponent("ensemble") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs `ensemble` with output going to files, waiting through the termination handler rather than a blocked thread.
    static func run(_ arguments: [String]) async throws -> Result {
        let executable = try #require(executable, "the ensemble executable is built next to the test runner")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ensemble-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let outputURL = directory.appendingPathComponent("stdout")
        let errorURL = directory.appendingPathComponent("stderr")
        try Data().write(to: outputURL)
        try Data().write(to: errorURL)
        let outputHandle = try FileHandle(forWritingTo: outputURL)
        let errorHandle = try FileHandle(forWritingTo: errorURL)

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = outputHandle
        process.standardError = errorHandle
        let exitCode: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { finished in continuation.resume(returning: finished.terminationStatus) }
            do {
                try ProcessLauncher.run(process)
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        try outputHandle.close()
        try errorHandle.close()
        return Result(
            exitCode: exitCode,
            output: try String(contentsOf: outputURL, encoding: .utf8),
            error: try String(contentsOf: errorURL, encoding: .utf8))
    }

    @Test func helpPrintsUsage() async throws {
        let result = try await Self.run(["--help"])
        #expect(result.exitCode == 0)
        #expect(result.output.contains("USAGE"))
        #expect(result.output.contains("SUBCOMMANDS"))
        #expect(result.output.contains("OPTIONS"))
        #expect(result.error.isEmpty)
    }

    @Test func versionPrintsTheVersion() async throws {
        let result = try await Self.run(["version"])
        #expect(result.exitCode == 0)
        #expect(result.output.hasPrefix("ensemble 0.1.0-dev (swift 6."))
    }

    @Test func unknownFlagExitsTwoNamingIt() async throws {
        let result = try await Self.run(["--bogus"])
        #expect(result.exitCode == 2)
        #expect(result.output.isEmpty)
        #expect(result.error == "error: unknown option '--bogus'; see 'ensemble --help'\n")
    }
}
