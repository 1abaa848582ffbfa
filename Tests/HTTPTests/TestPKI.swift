import EnsembleSupport
import Foundation

/// A throwaway certificate authority with a server and a client certificate, made with the openssl command.
struct TestPKI: Sendable {
    let directory: URL

    static var opensslAvailable: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl") }

    static func make() throws -> TestPKI {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ensemble-pki-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let pki = TestPKI(directory: directory)
        let key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try pki.openssl(["req", "-x509"] + key + ["-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=Ensemble Test CA"])
        for (name, subject, extensions) in [
            ("server", "/CN=ensemble-test.internal", "subjectAltName=DNS:ensemble-test.internal\nextendedKeyUsage=serverAuth\n"),
            ("client", "/CN=ensemble-client/O=ensemble:testers", "extendedKeyUsage=clientAuth\n"),
        ] {
            try Data(extensions.utf8).write(to: directory.appendingPathComponent("\(name).ext"))
            try pki.openssl(["req"] + key + ["-keyout", "\(name).key", "-out", "\(name).csr", "-subj", subject])
            try pki.openssl([
                "x509", "-req", "-in", "\(name).csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "\(name).crt", "-days", "2", "-extfile", "\(name).ext",
            ])
        }
        return pki
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func data(_ name: String) throws -> Data { try Data(contentsOf: directory.appendingPathComponent(name)) }

    private func openssl(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try ProcessLauncher.run(process)
        while process.isRunning { usleep(10_000) }
        guard process.terminationStatus == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "openssl \(arguments[0]) failed"])
        }
    }
}

/// `openssl s_server -www` on a loopback port, requiring a client certificate from the test CA.
final class OpenSSLServer: @unchecked Sendable {
    let port: Int
    private let process: Process

    private init(port: Int, process: Process) {
        self.port = port
        self.process = process
    }

    deinit {
        kill(process.processIdentifier, SIGKILL)
    }

    static func start(pki: TestPKI) async throws -> OpenSSLServer {
        let port = try unusedPort()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = [
            "s_server", "-accept", "127.0.0.1:\(port)", "-www", "-cert", pki.path("server.crt"), "-key",
            pki.path("server.key"), "-CAfile", pki.path("ca.crt"), "-Verify", "1", "-quiet",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try ProcessLauncher.run(process)
        let server = OpenSSLServer(port: port, process: process)
        let listening = await eventually(within: .seconds(60)) { (try? RawConnection(port: port)) != nil }
        guard listening else { throw POSIXError(.ECONNREFUSED) }
        return server
    }
}
