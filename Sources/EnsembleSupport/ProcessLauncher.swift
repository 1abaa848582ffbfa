import Foundation

/// Starts child processes one at a time. Foundation's `Process.run()` on Linux (Swift 6.3) has crashed in
/// `memcpy` when two threads launched processes at the same moment; every launch in Ensemble goes through here.
public enum ProcessLauncher {
    private static let lock = NSLock()

    public static func run(_ process: Process) throws {
        lock.lock()
        defer { lock.unlock() }
        try process.run()
    }
}
