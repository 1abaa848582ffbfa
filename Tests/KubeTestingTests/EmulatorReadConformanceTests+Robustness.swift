import EnsembleSupport
import Foundation
import HTTP
import Testing
import KubeTesting

/// Bad input gets a `Status` error and never takes the emulator down.
@Suite struct EmulatorReadConformanceRobustnessTests {
    static let configMaps = "/api/v1/namespaces/default/configmaps"

    @Test func garbagePathsAreNotFound() async throws {
        try await ReadConformanceServer.with { server in
            let paths = [
                "/", "/nonsense", "/api/v0", "/api/v1/nothings", "/apis/nope.example.com", "/apis/nope.example.com/v1/things",
                "/api/v1/namespaces/default/configmaps/a/b/c/d", "/apis//v1", "/api/v1/namespaces/default/nothings/x",
                "/api/v1/namespaces/default/configmaps/a/unknownsub", "/%00", "/api/v1/namespaces/%2F/configmaps",
            ]
            for path in paths {
                let reply = try await server.request(.get, path)
                #expect((400..<500).contains(reply.status), "GET \(path) answered \(reply.status)")
                #expect(reply.json["kind"] == "Status", "GET \(path)")
            }
            #expect(try await server.request(.get, "/version").status == 200)
        }
    }

    @Test func garbageBodiesAreRejectedWithoutCreatingAnything() async throws {
        try await ReadConformanceServer.with { server in
            let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
            let bodies: [(String, String)] = [
                ("not json", "application/json"), ("", "application/json"), ("[]", "application/json"),
                ("null", "application/json"), ("42", "application/json"), ("\"text\"", "application/json"),
                (#"{"metadata": "x"}"#, "application/json"), (#"{"metadata": {"name": 5}}"#, "application/json"),
                (#"{"kind": "ConfigMap", "metadata": {"name": "Not A Name"}}"#, "application/json"),
                ("\u{0}\u{1}\u{2}", "application/json"), (deep, "application/json"), (deep, "application/yaml"),
                ("a: [unclosed", "application/yaml"), ("- just\n- a list", "application/yaml"),
                ("{", "application/merge-patch+json"),
            ]
            for (body, contentType) in bodies {
                let reply = try await server.request(.post, Self.configMaps, body: Data(body.utf8), contentType: contentType)
                #expect((400..<500).contains(reply.status), "\(contentType) \(body.prefix(40)) answered \(reply.status)")
                #expect(reply.json["kind"] == "Status", "\(contentType) \(body.prefix(40))")
            }
            try await server.createConfigMap("a")
            // Bodies that cannot be patches of their type (an empty JSON patch, or a merge patch adding a field, is valid).
            let patches: [(String, [String])] = [
                ("not json", ["application/merge-patch+json", "application/json-patch+json", "application/strategic-merge-patch+json", "application/apply-patch+yaml"]),
                ("{\"op\": 1}", ["application/json-patch+json"]),
                ("[{\"op\": \"explode\"}]", ["application/merge-patch+json", "application/json-patch+json", "application/strategic-merge-patch+json", "application/apply-patch+yaml"]),
                ("[]", ["application/merge-patch+json", "application/strategic-merge-patch+json", "application/apply-patch+yaml"]),
                ("a: [unclosed", ["application/apply-patch+yaml"]),
            ]
            for (body, types) in patches {
                for type in types {
                    let reply = try await server.request(.patch, Self.configMaps + "/a?fieldManager=t", body: Data(body.utf8), contentType: type)
                    #expect((400..<500).contains(reply.status), "\(type) \(body) answered \(reply.status)")
                }
            }
            let list = try await server.get(Self.configMaps)
            #expect(list.itemNames == ["a"], "\(JSONText.string(list))")
        }
    }

    @Test func hugeBodiesAreTooLarge() async throws {
        try await ReadConformanceServer.with(.init(maximumBodyBytes: 1 << 20)) { server in
            let value = String(repeating: "x", count: 2 << 20)
            let reply = try await server.request(
                .post, Self.configMaps, json: ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "big"], "data": ["k": .string(value)]])
            #expect(reply.status == 413)
            #expect(reply.json["kind"] == "Status")
            #expect(reply.json["reason"] == "RequestEntityTooLarge")
            #expect(try await server.request(.get, Self.configMaps + "/big").status == 404)
            #expect(try await server.request(.get, "/version").status == 200)
        }
    }

    @Test func nonsenseQueryParametersNeverBreakReads() async throws {
        try await ReadConformanceServer.with { server in
            try await server.createConfigMap("a")
            for query in ["limit=abc", "limit=-5", "limit=99999999999999999999", "continue=", "resourceVersion=abc", "timeoutSeconds=x", "labelSelector=", "fieldSelector="] {
                let reply = try await server.request(.get, Self.configMaps + "?\(query)")
                #expect([200, 400].contains(reply.status), "\(query) answered \(reply.status)")
            }
            for query in ["timeoutSeconds=-1", "timeoutSeconds=1&resourceVersion=999999999999", "timeoutSeconds=1&resourceVersion=-3"] {
                let reply = try await server.request(.get, Self.configMaps + "?watch=1&\(query)")
                #expect([200, 400, 410, 504].contains(reply.status), "watch \(query) answered \(reply.status)")
            }
            #expect(try await server.get(Self.configMaps).itemNames == ["a"])
        }
    }

    @Test func unsupportedMethodsAreRejected() async throws {
        try await ReadConformanceServer.with { server in
            let reply = try await server.request(.put, Self.configMaps, body: Data("{}".utf8))
            #expect(reply.status == 405)
            #expect(reply.json["kind"] == "Status")
            let post = try await server.request(.post, Self.configMaps + "/a", body: Data("{}".utf8))
            #expect(post.status == 405)
        }
    }
}
