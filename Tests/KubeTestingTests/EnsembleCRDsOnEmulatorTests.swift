import EnsembleAPI
import EnsembleSupport
import Foundation
import HTTP
import Testing
@testable import KubeTesting

/// Ensemble's CRDs and samples through the emulator's HTTP API, as `kubectl apply` sends them.
@Suite struct EnsembleCRDsOnEmulatorTests {
    private struct Reply {
        let status: Int
        let body: JSONValue
    }

    private func send(_ client: HTTPClient, _ method: HTTPMethod, _ url: String, _ body: JSONValue? = nil) async throws -> Reply {
        let response = try await client.execute(HTTPClientRequest(
            method: method, url: url, headers: ["Content-Type": "application/json"], body: body.map { JSONText.data($0) }))
        return Reply(status: response.status, body: try JSONText.parse(response.body))
    }

    private func withEnsembleCRDs(_ body: (HTTPClient, String) async throws -> Void) async throws {
        let emulator = KubeAPIEmulator()
        let base = try emulator.start()
        let client = HTTPClient()
        do {
            for crd in EnsembleCRDs.all() {
                let reply = try await send(client, .post, "\(base)/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd)
                #expect(reply.status == 201, "\(reply.body["message"]?.stringValue ?? "")")
            }
            try await body(client, base)
        } catch {
            await emulator.shutdown()
            throw error
        }
        await emulator.shutdown()
    }

    @Test func servesTheResourcesTheCRDsDeclare() async throws {
        try await withEnsembleCRDs { client, base in
            let discovery = try await send(client, .get, "\(base)/apis/ensemble.dev/v1alpha1")
            let resources = discovery.body["resources"]?.arrayValue ?? []
            let team = try #require(resources.first { $0["name"] == "agentteams" })
            #expect(team["kind"] == "AgentTeam")
            #expect(team["namespaced"] == true)
            #expect(team["shortNames"]?.arrayValue?.contains("agteam") == true)
            #expect(team["categories"]?.arrayValue?.contains("ensemble") == true)
            #expect(resources.contains { $0["name"] == "agentteams/status" })
            #expect(resources.contains { $0["name"] == "agentsessions" })
            let crd = try await send(client, .get, "\(base)/apis/apiextensions.k8s.io/v1/customresourcedefinitions/agentteams.ensemble.dev")
            let established = crd.body["status"]?["conditions"]?.arrayValue?.first { $0["type"] == "Established" }
            #expect(established?["status"] == "True")
        }
    }

    @Test func acceptsEverySample() async throws {
        try await withEnsembleCRDs { client, base in
            for sample in Sample.all {
                for manifest in try sample.manifests() {
                    let plural = manifest["kind"] == "AgentTeam" ? "agentteams" : "agentsessions"
                    let reply = try await send(client, .post, "\(base)/apis/ensemble.dev/v1alpha1/namespaces/default/\(plural)", manifest)
                    #expect(reply.status == 201, "\(sample.name): \(reply.body["message"]?.stringValue ?? "")")
                    #expect(reply.body["metadata"]?["generation"] == 1)
                }
            }
            let list = try await send(client, .get, "\(base)/apis/ensemble.dev/v1alpha1/agentteams")
            #expect(list.body["kind"] == "AgentTeamList")
            #expect((list.body["items"]?.arrayValue?.count ?? 0) >= 3)
        }
    }

    @Test func rejectsInvalidTeamsWith422NamingTheField() async throws {
        let cases: [(String, String)] = [
            ("""
            apiVersion: ensemble.dev/v1alpha1
            kind: AgentTeam
            metadata: {name: wrong-type}
            spec:
              access: {none: {}}
              models: [{name: main, provider: openai, model: gpt-4o-mini, maxTokens: lots}]
              agents: [{name: assistant, model: main}]
            """, "spec.models[0].maxTokens"),
            ("""
            apiVersion: ensemble.dev/v1alpha1
            kind: AgentTeam
            metadata: {name: unknown-provider}
            spec:
              access: {none: {}}
              models: [{name: main, provider: telepathy, model: x}]
              agents: [{name: assistant, model: main}]
            """, "spec.models[0].provider"),
            ("""
            apiVersion: ensemble.dev/v1alpha1
            kind: AgentTeam
            metadata: {name: undeclared-model}
            spec:
              access: {none: {}}
              models: [{name: main, provider: openai, model: gpt-4o-mini}]
              agents: [{name: assistant, model: other}]
            """, "spec.agents"),
        ]
        try await withEnsembleCRDs { client, base in
            for (manifest, field) in cases {
                let reply = try await send(
                    client, .post, "\(base)/apis/ensemble.dev/v1alpha1/namespaces/default/agentteams", try YAML.parse(manifest))
                #expect(reply.status == 422)
                #expect(reply.body["reason"] == "Invalid")
                let fields = reply.body["details"]?["causes"]?.arrayValue?.compactMap { $0["field"]?.stringValue } ?? []
                #expect(fields.contains(field), "\(fields) should name \(field)")
            }
            let list = try await send(client, .get, "\(base)/apis/ensemble.dev/v1alpha1/namespaces/default/agentteams")
            #expect(list.body["items"]?.arrayValue?.isEmpty == true, "nothing invalid is stored")
        }
    }
}
