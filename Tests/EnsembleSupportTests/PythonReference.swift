import Foundation
import Testing
import EnsembleSupport

/// Runs the reference implementations of the Python test tools (`make deps` installs them in `.venv`).
enum PythonReference {
    /// `ENSEMBLE_PYTHON` when set, else the package's `.venv/bin/python3`; nil when that interpreter does not exist.
    static var python: String? {
        if let configured = ProcessInfo.processInfo.environment["ENSEMBLE_PYTHON"], !configured.isEmpty {
            return FileManager.default.isExecutableFile(atPath: configured) ? configured : nil
        }
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                let venvPython = directory.appendingPathComponent(".venv/bin/python3").path
                return FileManager.default.isExecutableFile(atPath: venvPython) ? venvPython : nil
            }
            directory.deleteLastPathComponent()
        }
        return nil
    }

    /// Whether the interpreter exists and can import every module named.
    static func canImport(_ modules: String...) async -> Bool {
        guard python != nil else { return false }
        return (try? await run("import " + modules.joined(separator: ", "), input: Data())) != nil
    }

    struct Failure: Error, CustomStringConvertible {
        let status: Int32
        let standardError: String
        var description: String { "the Python script exited with status \(status): \(standardError)" }
    }

    /// Runs the script with `input` on standard input and returns its standard output.
    /// Runs on a Dispatch queue: waiting for the subprocess must not hold a cooperative thread.
    static func run(_ script: String, input: Data) async throws -> Data {
        let python = try #require(python)
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                do {
                    let process = Process()
                    process.executableURL = URL(fileURLWithPath: python)
                    process.arguments = ["-c", script]
                    let inputPipe = Pipe()
                    let outputPipe = Pipe()
                    let errorPipe = Pipe()
                    process.standardInput = inputPipe
                    process.standardOutput = outputPipe
                    process.standardError = errorPipe
                    try ProcessLauncher.run(process)
                    try inputPipe.fileHandleForWriting.write(contentsOf: input)
                    try inputPipe.fileHandleForWriting.close()
                    let output = outputPipe.fileHandleForReading.readDataToEndOfFile()
                    let errors = errorPipe.fileHandleForReading.readDataToEndOfFile()
                    process.waitUntilExit()
                    guard process.terminationStatus == 0 else {
                        throw Failure(
                            status: process.terminationStatus, standardError: String(decoding: errors, as: UTF8.self))
                    }
                    continuation.resume(returning: output)
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }
}
