import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Starts a program with posix_spawn, output to files, and waits for it on a thread of its own.
///
/// The kubectl tests start hundreds of short processes while other tests open and close sockets; Foundation's
/// `Process.run()` crashed intermittently (in memcpy) under that load, so these tests do without it.
enum Spawned {
    struct SpawnError: Error, CustomStringConvertible {
        let code: Int32
        let program: String
        var description: String { "cannot start \(program): \(String(cString: strerror(code)))" }
    }

    /// Starts `executable`; standard input is /dev/null, standard output and error go to the given files.
    static func spawn(
        _ executable: String, _ arguments: [String], environment: [String: String], output: String, error: String
    ) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, error, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard code == 0 else { throw SpawnError(code: code, program: executable) }
        return pid
    }

    /// The exit status (or 128 + signal) once the process ends.
    static func wait(_ pid: pid_t) async -> Int32 {
        await withCheckedContinuation { continuation in
            Thread {
                var status: Int32 = 0
                while waitpid(pid, &status, 0) == -1, errno == EINTR {}
                let exited = status & 0x7f == 0
                continuation.resume(returning: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f))
            }.start()
        }
    }
}
