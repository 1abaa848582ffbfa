import EnsembleSupport
import Foundation
import HTTP

/// Runs an exec plugin when no valid credential is cached; the credential is kept until its
/// `expirationTimestamp` or until the server rejects it. Concurrent callers share one run of the plugin.
actor ExecCredentialProvider {
    private let config: ExecCredentialConfig
    private let clusterInfo: JSONValue
    private var cached: ExecCredential?
    private var running: Task<ExecCredential, any Error>?

    init(config: ExecCredentialConfig, server: String, tls: TLSConfiguration) {
        self.config = config
        var cluster: JSONValue = ["server": .string(server), "insecure-skip-tls-verify": .bool(tls.insecureSkipVerify)]
        if case .pem(let data) = tls.certificateAuthority { cluster["certificate-authority-data"] = .string(data.base64EncodedString()) }
        if let serverName = tls.serverName { cluster["tls-server-name"] = .string(serverName) }
        clusterInfo = cluster
    }

    func credential() async throws -> ExecCredential {
        if let cached, cached.isValid(at: Date()) { return cached }
        if let running { return try await running.value }
        let config = config
        let clusterInfo = clusterInfo
        let task = Task { try await Self.obtain(config, clusterInfo: clusterInfo) }
        running = task
        defer { running = nil }
        let credential = try await task.value
        cached = credential
        return credential
    }

    /// Forgets the cached credential, after the server answered 401 to it.
    func invalidate() {
        cached = nil
    }

    private static func obtain(_ config: ExecCredentialConfig, clusterInfo: JSONValue) async throws -> ExecCredential {
        let output = try await ExecPluginRunner.run(config, clusterInfo: clusterInfo)
        guard output.status == 0 else {
            let message = String(decoding: output.standardError.suffix(512), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            throw KubeError.credentials("exec plugin \(config.command) exited with status \(output.status): \(message)")
        }
        return try ExecCredential(output: output.standardOutput, expectedAPIVersion: config.apiVersion, command: config.command)
    }
}
