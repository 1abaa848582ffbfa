import Foundation
import HTTP

/// Starts a server on a free loopback port for one test and stops it afterwards.
/// Tests shut servers down quickly: a handler still running two seconds after shutdown starts is cancelled.
let testServerConfiguration = HTTPServerConfiguration(port: 0, shutdownGracePeriod: .seconds(2))

func withServer<Result>(
    _ configuration: HTTPServerConfiguration = testServerConfiguration,
    handler: @escaping HTTPHandler,
    _ body: (HTTPServer, String) async throws -> Result
) async throws -> Result {
    var configuration = configuration
    configuration.port = 0
    let server = HTTPServer(configuration: configuration, handler: handler)
    try server.start()
    do {
        let result = try await body(server, "http://127.0.0.1:\(server.port)")
        await server.shutdown()
        return result
    } catch {
        await server.shutdown()
        throw error
    }
}

func withServer<Result>(
    _ configuration: HTTPServerConfiguration = testServerConfiguration,
    router: Router,
    _ body: (HTTPServer, String) async throws -> Result
) async throws -> Result {
    try await withServer(configuration, handler: router.handler, body)
}

/// A port on loopback with nothing listening on it (bound, then released).
func unusedPort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
    _ = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    return Int(UInt16(bigEndian: address.sin_port))
}

/// Waits, polling, until the condition holds or the time runs out.
func eventually(within limit: Duration = .seconds(60), _ condition: @Sendable () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + limit
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return try await condition()
}

/// Threads of this process, from /proc.
func threadCount() -> Int {
    (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task").count) ?? 0
}
