import EnsembleSupport
import Foundation
import KubeClient
import KubeCore
import Testing

/// A kubeconfig with in-memory CA, client certificate and key against `openssl s_server -WWW`, which serves
/// files from its directory: a ConfigMap stored at the path the client asks for.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl"), "needs the openssl command"))
struct TLSKubeConfigTests {
    @Test func clientCertificateAndCAFromKubeconfigData() async throws {
        let directory = try temporaryDirectory()
        try openssl(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "ca.key",
            "-out", "ca.crt", "-days", "2", "-subj", "/CN=Test CA"], in: directory)
        for (name, subject, ext) in [
            ("server", "/CN=api.test.internal", "subjectAltName=DNS:api.test.internal\nextendedKeyUsage=serverAuth\n"),
            ("client", "/CN=ensemble", "extendedKeyUsage=clientAuth\n"),
        ] {
            try write(ext, to: "\(directory)/\(name).ext")
            try openssl(["req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "\(name).key",
                "-out", "\(name).csr", "-subj", subject], in: directory)
            try openssl(["x509", "-req", "-in", "\(name).csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "\(name).crt", "-days", "2", "-extfile", "\(name).ext"], in: directory)
        }
        let objectDirectory = directory + "/api/v1/namespaces/default/configmaps"
        try FileManager.default.createDirectory(atPath: objectDirectory, withIntermediateDirectories: true)
        try write(#"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"tls"},"data":{"ok":"yes"}}"#, to: objectDirectory + "/tls")

        let port = Int.random(in: 20_000..<60_000)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        server.arguments = ["s_server", "-accept", "127.0.0.1:\(port)", "-WWW", "-cert", "server.crt", "-key", "server.key",
            "-CAfile", "ca.crt", "-Verify", "1", "-quiet"]
        server.currentDirectoryURL = URL(fileURLWithPath: directory)
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try ProcessLauncher.run(server)
        defer { server.terminate() }

        func base64(_ name: String) throws -> String { try Data(contentsOf: URL(fileURLWithPath: "\(directory)/\(name)")).base64EncodedString() }
        let kubeconfig = """
            current-context: tls
            clusters:
            - name: c
              cluster:
                server: https://127.0.0.1:\(port)
                certificate-authority-data: \(try base64("ca.crt"))
                tls-server-name: api.test.internal
            users:
            - name: u
              user:
                client-certificate-data: \(try base64("client.crt"))
                client-key-data: \(try base64("client.key"))
            contexts:
            - name: tls
              context: {cluster: c, user: u}
            """
        let client = KubeClient(configuration: try KubeConfig(yaml: kubeconfig, file: directory + "/config").configuration())
        var fetched: ConfigMap?
        for _ in 0..<100 where fetched == nil {
            do {
                fetched = try await client.get(ConfigMap.self, "tls")
            } catch let error as KubeError where error.kind == .transport && error.transportError?.kind == .connectFailed {
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        #expect(fetched?.data == ["ok": "yes"])

        var withoutCertificate = try KubeConfig(yaml: kubeconfig, file: directory + "/config").configuration()
        withoutCertificate.tls.clientCertificate = nil
        withoutCertificate.tls.clientKey = nil
        let rejected = await #expect(throws: KubeError.self) {
            try await KubeClient(configuration: withoutCertificate).get(ConfigMap.self, "tls")
        }
        #expect(rejected?.kind == .transport)
    }

    private func openssl(_ arguments: [String], in directory: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try ProcessLauncher.run(process)
        while process.isRunning { usleep(10_000) }
        guard process.terminationStatus == 0 else { throw KubeConfigError(file: directory, "openssl \(arguments[0]) failed") }
    }
}
