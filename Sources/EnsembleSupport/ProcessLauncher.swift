import Foundation

/// Starts child processes one at a time. Foundation's `Process.run()` on Linux (Swift 6.3) crashed intermittently in
/// `memcpy` under the project's parallel tests, once with two launches in flight; serializing launches is a
/// precaution, not a proven cure (a crash was also seen with launches serialized, so the kubectl tests, which
/// start hundreds of processes, use posix_spawn directly).
public enum ProcessLauncher {
    private static let lock = NSLock()

    public static func run(_ process: Process) throws {
        lock.lock()
        defer { lock.unlock() }
        try process.run()
    }
}
