import EnsembleSupport
import Foundation
import HTTP
import Testing
import KubeTesting

/// Lists, as kubernetes.io "API Concepts" describes them: collections, selectors, chunking and resource versions.
@Suite struct EmulatorReadConformanceListTests {
    @Test func listIsNamedAfterTheKindAndCarriesTheCurrentResourceVersion() async throws {
        try await ReadConformanceServer.with { server in
            try await server.createConfigMap("a")
            let last = try await server.createConfigMap("b")
            let list = try await server.get("/api/v1/namespaces/default/configmaps")
            #expect(list["kind"] == "ConfigMapList")
            #expect(list["apiVersion"] == "v1")
            #expect(list.itemNames == ["a", "b"])
            #expect(list["metadata"]?["resourceVersion"]?.stringValue == last.objectResourceVersion)
            #expect(list["metadata"]?["continue"] == nil)
            for item in list["items"]?.arrayValue ?? [] {
                #expect(item["kind"] == "ConfigMap")
                #expect(item["apiVersion"] == "v1")
            }
        }
    }

    @Test func customResourceListIsNamedAfterTheCustomKind() async throws {
        try await ReadConformanceServer.with { server in
            try await server.createWidgetCRD()
            let widget: JSONValue = ["apiVersion": "example.com/v1", "kind": "Widget", "metadata": ["name": "w"], "spec": ["size": 3]]
            let created = try await server.request(.post, "/apis/example.com/v1/namespaces/default/widgets", json: widget)
            #expect(created.status == 201)
            let list = try await server.get("/apis/example.com/v1/namespaces/default/widgets")
            #expect(list["kind"] == "WidgetList")
            #expect(list["apiVersion"] == "example.com/v1")
            #expect(list.itemNames == ["w"])
            #expect(list["metadata"]?["resourceVersion"]?.stringValue == created.json.objectResourceVersion)
        }
    }

    @Test func listAcrossAllNamespacesHoldsEveryNamespacesObjects() async throws {
        try await ReadConformanceServer.with { server in
            #expect(try await server.request(.post, "/api/v1/namespaces", json: ["metadata": ["name": "other"]]).status == 201)
            try await server.createConfigMap("here")
            try await server.createConfigMap("there", namespace: "other")
            let all = try await server.get("/api/v1/configmaps")
            #expect(Set(all.itemNames) == ["here", "there"])
            #expect(all["kind"] == "ConfigMapList")
            #expect(try await server.get("/api/v1/namespaces/other/configmaps").itemNames == ["there"])
            let namespaces = Set(all["items"]?.arrayValue?.compactMap { $0["metadata"]?["namespace"]?.stringValue } ?? [])
            #expect(namespaces == ["default", "other"])
        }
    }

    @Test func equalityLabelSelectorsFilterTheList() async throws {
        try await ReadConformanceServer.with { server in
            try await server.createConfigMap("web", labels: ["app": "web", "env": "prod"])
            try await server.createConfigMap("db", labels: ["app": "db"])
            try await server.createConfigMap("bare")
            let path = "/api/v1/namespaces/default/configmaps?labelSelector="
            #expect(try await server.get(path + "app%3Dweb").itemNames == ["web"])
            #expect(try await server.get(path + "app%3D%3Dweb").itemNames == ["web"])
            // `!=` also selects objects without the label.
            #expect(try await server.get(path + "app!%3Dweb").itemNames == ["bare", "db"])
            #expect(try await server.get(path + "app%3Dweb,env%3Dprod").itemNames == ["web"])
            #expect(try await server.get(path + "app%3Dweb,env%3Dstaging").itemNames == [])
        }
    }

    @Test func setBasedLabelSelectorsFilterTheList() async throws {
        try await ReadConformanceServer.with { server in
            try await server.createConfigMap("prod", labels: ["env": "prod", "tier": "front"])
            try await server.createConfigMap("staging", labels: ["env": "staging"])
            try await server.createConfigMap("dev", labels: ["env": "dev"])
            try await server.createConfigMap("bare")
            let path = "/api/v1/namespaces/default/configmaps?labelSelector="
            #expect(try await server.get(path + "env%20in%20(prod,%20staging)").itemNames == ["prod", "staging"])
            // `notin` also selects objects without the label.
            #expect(try await server.get(path + "env%20notin%20(prod)").itemNames == ["bare", "dev", "staging"])
            #expect(try await server.get(path + "env").itemNames == ["dev", "prod", "staging"])
            #expect(try await server.get(path + "!env").itemNames == ["bare"])
            #expect(try await server.get(path + "env%20in%20(prod,dev),!tier").itemNames == ["dev"])
            #expect(try await server.get(path + "tier,env%20notin%20(staging)").itemNames == ["prod"])
        }
    }

    @Test func malformedLabelSelectorIsABadRequest() async throws {
        try await ReadConformanceServer.with { server in
            for selector in ["a%20in%20prod", "%3Dvalue", "a%20in%20(x", "k%20%3D%3D%3D%20v"] {
                let reply = try await server.request(.get, "/api/v1/namespaces/default/configmaps?labelSelector=\(selector)")
                #expect(reply.status == 400, "labelSelector=\(selector)")
                #expect(reply.json["kind"] == "Status")
                #expect(reply.json["reason"] == "BadRequest")
            }
        }
    }

    @Test func fieldSelectorsOnNameAndNamespaceFilterTheList() async throws {
        try await ReadConformanceServer.with { server in
            #expect(try await server.request(.post, "/api/v1/namespaces", json: ["metadata": ["name": "other"]]).status == 201)
            try await server.createConfigMap("a")
            try await server.createConfigMap("b")
            try await server.createConfigMap("a", namespace: "other")
            let namespaced = "/api/v1/namespaces/default/configmaps?fieldSelector="
            #expect(try await server.get(namespaced + "metadata.name%3Da").itemNames == ["a"])
            #expect(try await server.get(namespaced + "metadata.name%3D%3Db").itemNames == ["b"])
            #expect(try await server.get(namespaced + "metadata.name!%3Da").itemNames == ["b"])
            let all = "/api/v1/configmaps?fieldSelector="
            let inOther = try await server.get(all + "metadata.namespace%3Dother")
            #expect(inOther["items"]?.arrayValue?.map { $0["metadata"]?["namespace"] } == ["other"])
            #expect(try await server.get(all + "metadata.name%3Da").itemNames == ["a", "a"])
            #expect(try await server.get(all + "metadata.name%3Da,metadata.namespace%3Ddefault").itemNames == ["a"])
        }
    }

    @Test func fieldSelectorOnAnUnsupportedFieldIsABadRequest() async throws {
        try await ReadConformanceServer.with { server in
            for selector in ["spec.replicas%3D3", "data.k%3Dv", "metadata.labels%3Dx", "nonsense"] {
                let reply = try await server.request(.get, "/api/v1/namespaces/default/configmaps?fieldSelector=\(selector)")
                #expect(reply.status == 400, "fieldSelector=\(selector)")
                #expect(reply.json["kind"] == "Status")
                #expect(reply.json["reason"] == "BadRequest")
            }
        }
    }

    @Test func limitAndContinueReturnEveryObjectOnceInChunks() async throws {
        try await ReadConformanceServer.with { server in
            for name in ["a", "b", "c", "d", "e"] { try await server.createConfigMap(name) }
            let path = "/api/v1/namespaces/default/configmaps?limit=2"
            let first = try await server.get(path)
            #expect(first.itemNames == ["a", "b"])
            #expect(first["metadata"]?["remainingItemCount"] == 3)
            let token = try #require(first["metadata"]?["continue"]?.stringValue)
            let second = try await server.get(path + "&continue=\(Self.escaped(token))")
            #expect(second.itemNames == ["c", "d"])
            #expect(second["metadata"]?["remainingItemCount"] == 1)
            let third = try await server.get(path + "&continue=\(Self.escaped(try #require(second["metadata"]?["continue"]?.stringValue)))")
            #expect(third.itemNames == ["e"])
            #expect(third["metadata"]?["continue"] == nil)
            #expect(third["metadata"]?["remainingItemCount"] == nil)
            #expect(first["metadata"]?["resourceVersion"] == second["metadata"]?["resourceVersion"])
            #expect(second["metadata"]?["resourceVersion"] == third["metadata"]?["resourceVersion"])
        }
    }

    @Test func limitAboveTheCountReturnsOneCompleteChunk() async throws {
        try await ReadConformanceServer.with { server in
            for name in ["a", "b"] { try await server.createConfigMap(name) }
            let list = try await server.get("/api/v1/namespaces/default/configmaps?limit=2")
            #expect(list.itemNames == ["a", "b"])
            #expect(list["metadata"]?["continue"] == nil)
            #expect(list["metadata"]?["remainingItemCount"] == nil)
        }
    }

    /// "Like a watch operation, a continue token will expire after a short amount of time" and pages are served
    /// from the snapshot of the first request, so changes in between do not show up.
    @Test func laterChunksShowTheListAsOfTheFirstChunk() async throws {
        try await ReadConformanceServer.with { server in
            for name in ["a", "b", "c", "d"] { try await server.createConfigMap(name) }
            let first = try await server.get("/api/v1/namespaces/default/configmaps?limit=2")
            try await server.deleteConfigMap("c")
            try await server.createConfigMap("bb")
            try await server.patchConfigMap("d", ["data": ["k": "changed"]])
            let token = try #require(first["metadata"]?["continue"]?.stringValue)
            let rest = try await server.get("/api/v1/namespaces/default/configmaps?limit=10&continue=\(Self.escaped(token))")
            #expect(rest.itemNames == ["c", "d"])
            #expect(rest["items"]?[1]?["data"]?["k"] == "v")
            #expect(rest["metadata"]?["resourceVersion"] == first["metadata"]?["resourceVersion"])
        }
    }

    /// A selector's remaining count is unknown to the server: the field is left unset.
    @Test func chunksOfASelectedListLeaveRemainingItemCountUnset() async throws {
        try await ReadConformanceServer.with { server in
            for name in ["a", "b", "c"] { try await server.createConfigMap(name, labels: ["app": "x"]) }
            let list = try await server.get("/api/v1/namespaces/default/configmaps?limit=1&labelSelector=app%3Dx")
            #expect(list.itemNames == ["a"])
            #expect(list["metadata"]?["continue"]?.stringValue != nil)
            #expect(list["metadata"]?["remainingItemCount"] == nil)
        }
    }

    @Test func continueTokenAfterCompactionIsExpired() async throws {
        try await ReadConformanceServer.with { server in
            for name in ["a", "b", "c"] { try await server.createConfigMap(name) }
            let first = try await server.get("/api/v1/namespaces/default/configmaps?limit=1")
            let token = try #require(first["metadata"]?["continue"]?.stringValue)
            server.emulator.compactHistory()
            let reply = try await server.request(.get, "/api/v1/namespaces/default/configmaps?limit=1&continue=\(Self.escaped(token))")
            #expect(reply.status == 410)
            #expect(reply.json["kind"] == "Status")
            #expect(reply.json["reason"] == "Expired")
            #expect(reply.json["code"] == 410)
            // Starting over works.
            #expect(try await server.get("/api/v1/namespaces/default/configmaps?limit=1").itemNames == ["a"])
        }
    }

    @Test func continueTokenOlderThanTheHistoryIsExpired() async throws {
        try await ReadConformanceServer.with(.init(watchHistory: 3)) { server in
            for name in ["a", "b", "c"] { try await server.createConfigMap(name) }
            let first = try await server.get("/api/v1/namespaces/default/configmaps?limit=1")
            for name in ["d", "e", "f", "g"] { try await server.createConfigMap(name) }
            let token = try #require(first["metadata"]?["continue"]?.stringValue)
            let reply = try await server.request(.get, "/api/v1/namespaces/default/configmaps?limit=1&continue=\(Self.escaped(token))")
            #expect(reply.status == 410)
            #expect(reply.json["reason"] == "Expired")
        }
    }

    @Test func malformedContinueTokenIsABadRequest() async throws {
        try await ReadConformanceServer.with { server in
            try await server.createConfigMap("a")
            let reply = try await server.request(.get, "/api/v1/namespaces/default/configmaps?limit=1&continue=not-a-token")
            #expect(reply.status == 400)
            #expect(reply.json["reason"] == "BadRequest")
        }
    }

    static func escaped(_ token: String) -> String {
        token.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? token
    }
}
