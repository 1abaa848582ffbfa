import EnsembleSupport
import Foundation
import HTTP
import KubeClient
import KubeCore
import Synchronization
import Testing

/// Credentials as the server sees them, through a loopback server that records the `Authorization` header.
@Suite struct AuthenticationTests {
    /// Answers every request with an empty ConfigMap list, 401 for tokens in `rejected`, and records headers.
    private final class RecordingServer: Sendable {
        let server: HTTPServer
        let recorder: Recorder

        init(rejected: Set<String> = []) throws {
            let box = Recorder()
            server = HTTPServer(
                configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0),
                handler: { request in
                    let authorization = request.headers["Authorization"] ?? ""
                    box.append(authorization)
                    if rejected.contains(authorization) {
                        return .json(["kind": "Status", "code": 401, "reason": "Unauthorized", "message": "Unauthorized"], status: 401)
                    }
                    return .json(["kind": "ConfigMapList", "apiVersion": "v1", "metadata": ["resourceVersion": "1"], "items": []])
                })
            recorder = box
            try server.start()
        }
        var url: String { "http://127.0.0.1:\(server.port)" }
    }

    final class Recorder: Sendable {
        private let values = Mutex<[String]>([])
        func append(_ value: String) { values.withLock { $0.append(value) } }
        var all: [String] { values.withLock { $0 } }
    }

    @Test func tokenFileIsReadAgainWhenItChanges() async throws {
        let recording = try RecordingServer()
        let directory = try temporaryDirectory()
        try write("first\n", to: directory + "/token")
        let client = KubeClient(configuration: ClientConfiguration(
            server: recording.url, credentials: .tokenFile(path: directory + "/token")))
        _ = try await client.list(ConfigMap.self, namespace: "default")
        try write("second-rotated\n", to: directory + "/token.new")
        _ = rename(directory + "/token.new", directory + "/token")
        _ = try await client.list(ConfigMap.self, namespace: "default")
        #expect(recording.recorder.all == ["Bearer first", "Bearer second-rotated"])
        await recording.server.shutdown()
    }

    @Test func basicAuthIsSent() async throws {
        let recording = try RecordingServer()
        let client = KubeClient(configuration: ClientConfiguration(
            server: recording.url, credentials: .basic(username: "admin", password: Redacted("pw"))))
        _ = try await client.list(ConfigMap.self, namespace: "default")
        #expect(recording.recorder.all == ["Basic " + Data("admin:pw".utf8).base64EncodedString()])
        await recording.server.shutdown()
    }

    private func plugin(in directory: String) throws -> String {
        let script = directory + "/plugin.sh"
        try write(
            """
            #!/bin/sh
            count=$(cat "\(directory)/count" 2>/dev/null || echo 0)
            count=$((count + 1))
            echo $count > "\(directory)/count"
            echo "$KUBERNETES_EXEC_INFO" > "\(directory)/info"
            echo "$1 $PLUGIN_MODE" > "\(directory)/args"
            cat <<JSON
            {"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential",
             "status":{"token":"exec-token-$count","expirationTimestamp":"2999-01-01T00:00:00Z"}}
            JSON
            """, to: script, executable: true)
        return script
    }

    @Test func execPluginTokenIsCachedAndRenewedAfter401() async throws {
        let recording = try RecordingServer(rejected: ["Bearer exec-token-1"])
        let directory = try temporaryDirectory()
        let script = try plugin(in: directory)
        let config = try KubeConfig(
            yaml: """
            current-context: x
            clusters: [{name: c, cluster: {server: "\(recording.url)"}}]
            contexts: [{name: x, context: {cluster: c, user: u}}]
            users:
            - name: u
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1
                  command: ./plugin.sh
                  args: [get-token]
                  env: [{name: PLUGIN_MODE, value: test}]
                  provideClusterInfo: true
                  interactiveMode: Never
            """, file: directory + "/config"
        ).configuration()
        guard case .exec(let exec) = config.credentials else { Issue.record("expected exec credentials"); return }
        #expect(exec.command == script)
        let client = KubeClient(configuration: config)
        _ = try await client.list(ConfigMap.self, namespace: "default")
        _ = try await client.list(ConfigMap.self, namespace: "default")
        #expect(recording.recorder.all == ["Bearer exec-token-1", "Bearer exec-token-2", "Bearer exec-token-2"])
        let info = try JSONText.parse(try Data(contentsOf: URL(fileURLWithPath: directory + "/info")))
        #expect(info["kind"] == "ExecCredential")
        #expect(info["spec"]?["cluster"]?["server"]?.stringValue == recording.url)
        #expect(try String(contentsOfFile: directory + "/args", encoding: .utf8) == "get-token test\n")
        await recording.server.shutdown()
    }

    @Test func execPluginFailuresAreCredentialErrorsWithoutSecrets() async throws {
        let directory = try temporaryDirectory()
        try write("#!/bin/sh\necho 'not json'\n", to: directory + "/bad.sh", executable: true)
        let client = KubeClient(configuration: ClientConfiguration(
            server: "http://127.0.0.1:1", credentials: .exec(ExecCredentialConfig(command: directory + "/bad.sh"))))
        let error = await #expect(throws: KubeError.self) { try await client.list(ConfigMap.self, namespace: "default") }
        #expect(error?.kind == .credentials)
        #expect(error?.description.contains("ExecCredential") == true)
        try write("#!/bin/sh\necho denied >&2\nexit 3\n", to: directory + "/fail.sh", executable: true)
        let failing = KubeClient(configuration: ClientConfiguration(
            server: "http://127.0.0.1:1", credentials: .exec(ExecCredentialConfig(command: directory + "/fail.sh"))))
        let failure = await #expect(throws: KubeError.self) { try await failing.list(ConfigMap.self, namespace: "default") }
        #expect(failure?.description.contains("exited with status 3: denied") == true)
    }
}
