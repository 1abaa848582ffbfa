import EnsembleSupport
import Foundation
import HTTP
import Testing
import KubeTesting

/// Watches, as "Efficient detection of changes", "Resource versions" and "Watch bookmarks" describe them.
@Suite struct EmulatorReadConformanceWatchTests {
    static let configMaps = "/api/v1/namespaces/default/configmaps"

    @Test func watchFromAResourceVersionSeesOnlyLaterChangesEachWithItsResourceVersion() async throws {
        try await ReadConformanceServer.with { server in
            let a = try await server.createConfigMap("a")
            let b = try await server.createConfigMap("b")
            let from = try #require(b.objectResourceVersion)
            let c = try await server.createConfigMap("c")
            let modified = try await server.patchConfigMap("a", ["data": ["k": "changed"]])
            try await server.deleteConfigMap("b")
            var watch = try await server.watch(Self.configMaps + "?resourceVersion=\(from)")
            let events = [try await watch.next(), try await watch.next(), try await watch.next()].compactMap { $0 }
            #expect(events.map(\.eventSummary) == ["ADDED c", "MODIFIED a", "DELETED b"])
            #expect(events[0]["object"]?.objectResourceVersion == c.objectResourceVersion)
            #expect(events[1]["object"]?.objectResourceVersion == modified.objectResourceVersion)
            #expect(events[1]["object"]?["data"]?["k"] == "changed")
            let versions = ([a, b, c, modified].compactMap(\.objectResourceVersion) + events.compactMap { $0["object"]?.objectResourceVersion })
            let deletedVersion = try #require(events[2]["object"]?.objectResourceVersion.flatMap { Int64($0) })
            #expect(deletedVersion > Int64(try #require(modified.objectResourceVersion))!)
            #expect(Set(versions).count == 5, "every change has its own resourceVersion")
            for event in events {
                #expect(event["object"]?["kind"] == "ConfigMap")
                #expect(event["object"]?["apiVersion"] == "v1")
            }
            // Changes after the watch started arrive too.
            try await server.createConfigMap("d")
            #expect(try await watch.next()?.eventSummary == "ADDED d")
        }
    }

    @Test func watchWithoutAResourceVersionStartsWithSyntheticAddedEvents() async throws {
        try await ReadConformanceServer.with { server in
            let a = try await server.createConfigMap("a")
            try await server.createConfigMap("b")
            var watch = try await server.watch(Self.configMaps)
            let first = try #require(try await watch.next())
            let second = try #require(try await watch.next())
            #expect([first, second].map(\.eventSummary) == ["ADDED a", "ADDED b"])
            #expect(first["object"]?.objectResourceVersion == a.objectResourceVersion)
            try await server.patchConfigMap("b", ["data": ["k": "x"]])
            #expect(try await watch.next()?.eventSummary == "MODIFIED b")
        }
    }

    /// "Streaming lists": the state as ADDED events, then a bookmark annotated `k8s.io/initial-events-end`.
    @Test func sendInitialEventsStreamsTheStateThenAnAnnotatedBookmark() async throws {
        try await ReadConformanceServer.with(.init(bookmarkInterval: .seconds(60))) { server in
            try await server.createConfigMap("a")
            let b = try await server.createConfigMap("b")
            var watch = try await server.watch(
                Self.configMaps + "?sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true")
            #expect(try await watch.next()?.eventSummary == "ADDED a")
            #expect(try await watch.next()?.eventSummary == "ADDED b")
            let end = try #require(try await watch.next())
            #expect(end["type"] == "BOOKMARK")
            #expect(end["object"]?["metadata"]?["annotations"]?["k8s.io/initial-events-end"] == "true")
            #expect(end["object"]?.objectResourceVersion == b.objectResourceVersion)
            try await server.patchConfigMap("a", ["data": ["k": "x"]])
            #expect(try await watch.next()?.eventSummary == "MODIFIED a")
        }
    }

    @Test func sendInitialEventsWithoutItsCompanionsIsInvalid() async throws {
        try await ReadConformanceServer.with { server in
            let reply = try await server.request(.get, Self.configMaps + "?watch=1&sendInitialEvents=true")
            #expect(reply.status == 422)
            #expect(reply.json["reason"] == "Invalid")
            let fields = reply.json["details"]?["causes"]?.arrayValue?.compactMap { $0["field"]?.stringValue }
            #expect(fields == ["resourceVersionMatch", "allowWatchBookmarks"])
        }
    }

    @Test func sendInitialEventsFalseWithoutAResourceVersionStartsAtTheCurrentState() async throws {
        try await ReadConformanceServer.with { server in
            try await server.createConfigMap("a")
            var watch = try await server.watch(Self.configMaps + "?sendInitialEvents=false")
            try await server.createConfigMap("b")
            #expect(try await watch.next()?.eventSummary == "ADDED b")
        }
    }

    @Test func watchFromTheListResourceVersionMissesNothing() async throws {
        try await ReadConformanceServer.with { server in
            try await server.createConfigMap("a")
            let list = try await server.get(Self.configMaps)
            try await server.createConfigMap("b")
            var watch = try await server.watch(Self.configMaps + "?resourceVersion=\(list["metadata"]?["resourceVersion"]?.stringValue ?? "")")
            #expect(try await watch.next()?.eventSummary == "ADDED b")
        }
    }

    @Test func bookmarksCarryOnlyAResourceVersionWhenAllowed() async throws {
        try await ReadConformanceServer.with { server in
            let a = try await server.createConfigMap("a")
            var watch = try await server.watch(Self.configMaps + "?allowWatchBookmarks=true&resourceVersion=\(a.objectResourceVersion ?? "")")
            let bookmark = try #require(try await watch.next())
            #expect(bookmark["type"] == "BOOKMARK")
            let object = try #require(bookmark["object"])
            #expect(object["kind"] == "ConfigMap")
            #expect(object["apiVersion"] == "v1")
            #expect(object["data"] == nil)
            #expect(object["metadata"]?["name"] == nil)
            let version = try #require(object.objectResourceVersion.flatMap { Int64($0) })
            #expect(version >= Int64(try #require(a.objectResourceVersion))!)
        }
    }

    @Test func watchWithoutAllowWatchBookmarksGetsNoBookmarks() async throws {
        try await ReadConformanceServer.with { server in
            // Ten bookmark intervals pass before the server closes the watch.
            try await server.createConfigMap("a")
            var watch = try await server.watch(Self.configMaps + "?timeoutSeconds=1")
            let events = try await watch.rest()
            #expect(events.map(\.eventSummary) == ["ADDED a"])
        }
    }

    @Test func bookmarkResourceVersionResumesAWatchWithoutLoss() async throws {
        try await ReadConformanceServer.with { server in
            let a = try await server.createConfigMap("a")
            var first = try await server.watch(Self.configMaps + "?allowWatchBookmarks=true&resourceVersion=\(a.objectResourceVersion ?? "")")
            try await server.createConfigMap("b")
            #expect(try await first.nextChange()?.eventSummary == "ADDED b")
            let bookmark = try #require(try await first.nextBookmark()?["object"]?.objectResourceVersion)
            try await server.createConfigMap("c")
            try await server.patchConfigMap("a", ["data": ["k": "later"]])
            var resumed = try await server.watch(Self.configMaps + "?allowWatchBookmarks=true&resourceVersion=\(bookmark)")
            #expect(try await resumed.nextChange()?.eventSummary == "ADDED c")
            #expect(try await resumed.nextChange()?.eventSummary == "MODIFIED a")
        }
    }

    @Test func watchBeyondTheBoundedHistoryGetsGone() async throws {
        try await ReadConformanceServer.with(.init(watchHistory: 3)) { server in
            let first = try await server.createConfigMap("a")
            for name in ["b", "c", "d", "e"] { try await server.createConfigMap(name) }
            var stale = try await server.watch(Self.configMaps + "?resourceVersion=\(first.objectResourceVersion ?? "")")
            let events = try await stale.rest()
            #expect(events.count == 1)
            #expect(events.first?["type"] == "ERROR")
            let status = try #require(events.first?["object"])
            #expect(status["kind"] == "Status")
            #expect(status["code"] == 410)
            #expect(status["reason"] == "Expired")
            // A watch from inside the history still works.
            let recent = try await server.get(Self.configMaps + "/c")
            var fresh = try await server.watch(Self.configMaps + "?resourceVersion=\(recent.objectResourceVersion ?? "")")
            #expect(try await fresh.next()?.eventSummary == "ADDED d")
            #expect(try await fresh.next()?.eventSummary == "ADDED e")
        }
    }

    @Test func watchFromBeforeACompactionGetsGone() async throws {
        try await ReadConformanceServer.with { server in
            let a = try await server.createConfigMap("a")
            try await server.createConfigMap("b")
            server.emulator.compactHistory()
            var watch = try await server.watch(Self.configMaps + "?resourceVersion=\(a.objectResourceVersion ?? "")")
            let event = try #require(try await watch.next())
            #expect(event["type"] == "ERROR")
            #expect(event["object"]?["code"] == 410)
            #expect(try await watch.next() == nil)
            // The list's resourceVersion after compaction is watchable.
            let list = try await server.get(Self.configMaps)
            var fresh = try await server.watch(Self.configMaps + "?resourceVersion=\(list["metadata"]?["resourceVersion"]?.stringValue ?? "")")
            try await server.createConfigMap("c")
            #expect(try await fresh.next()?.eventSummary == "ADDED c")
        }
    }

    @Test func timeoutSecondsClosesTheStream() async throws {
        try await ReadConformanceServer.with { server in
            var watch = try await server.watch(Self.configMaps + "?timeoutSeconds=1&allowWatchBookmarks=true")
            let events = try await watch.rest()
            #expect(events.allSatisfy { $0["type"] == "BOOKMARK" })
        }
    }

    @Test func labelSelectorWatchSeesObjectsEnterAndLeaveTheSelection() async throws {
        try await ReadConformanceServer.with { server in
            try await server.createConfigMap("old-web", labels: ["app": "web"])
            try await server.createConfigMap("old-db", labels: ["app": "db"])
            var watch = try await server.watch(Self.configMaps + "?labelSelector=app%3Dweb")
            #expect(try await watch.next()?.eventSummary == "ADDED old-web")
            try await server.createConfigMap("db", labels: ["app": "db"])
            try await server.createConfigMap("web", labels: ["app": "web"])
            try await server.patchConfigMap("web", ["data": ["k": "x"]])
            try await server.patchConfigMap("old-db", ["metadata": ["labels": ["app": "web"]]])
            let leaving = try await server.patchConfigMap("old-web", ["metadata": ["labels": ["app": "gone"]]])
            try await server.patchConfigMap("old-web", ["data": ["k": "unseen"]])
            try await server.deleteConfigMap("db")
            try await server.deleteConfigMap("web")
            var events: [JSONValue] = []
            for _ in 0..<5 { events.append(try #require(try await watch.next())) }
            #expect(events.map(\.eventSummary) == ["ADDED web", "MODIFIED web", "ADDED old-db", "DELETED old-web", "DELETED web"])
            // The object leaving the selection is reported at the change's resourceVersion.
            #expect(events[3]["object"]?.objectResourceVersion == leaving.objectResourceVersion)
        }
    }

    @Test func fieldSelectorWatchSeesOnlyTheNamedObject() async throws {
        try await ReadConformanceServer.with { server in
            try await server.createConfigMap("other")
            let list = try await server.get(Self.configMaps)
            var watch = try await server.watch(
                Self.configMaps + "?fieldSelector=metadata.name%3Dmine&resourceVersion=\(list["metadata"]?["resourceVersion"]?.stringValue ?? "")")
            try await server.patchConfigMap("other", ["data": ["k": "x"]])
            try await server.createConfigMap("mine")
            try await server.createConfigMap("third")
            try await server.deleteConfigMap("mine")
            #expect(try await watch.next()?.eventSummary == "ADDED mine")
            #expect(try await watch.next()?.eventSummary == "DELETED mine")
        }
    }

    @Test func namespacedWatchSeesOneNamespaceAndAllNamespacesWatchSeesEvery() async throws {
        try await ReadConformanceServer.with { server in
            #expect(try await server.request(.post, "/api/v1/namespaces", json: ["metadata": ["name": "other"]]).status == 201)
            let start = try await server.get("/api/v1/configmaps")["metadata"]?["resourceVersion"]?.stringValue ?? ""
            var namespaced = try await server.watch(Self.configMaps + "?resourceVersion=\(start)")
            var all = try await server.watch("/api/v1/configmaps?resourceVersion=\(start)")
            var filtered = try await server.watch("/api/v1/configmaps?resourceVersion=\(start)&fieldSelector=metadata.namespace%3Dother")
            try await server.createConfigMap("there", namespace: "other")
            try await server.createConfigMap("here")
            #expect(try await namespaced.next()?.eventSummary == "ADDED here")
            #expect(try await all.next()?.eventSummary == "ADDED there")
            #expect(try await all.next()?.eventSummary == "ADDED here")
            #expect(try await filtered.next()?.eventSummary == "ADDED there")
        }
    }

    @Test func watchOnACustomResourceReportsItsKind() async throws {
        try await ReadConformanceServer.with { server in
            try await server.createWidgetCRD()
            let path = "/apis/example.com/v1/namespaces/default/widgets"
            let start = try await server.get(path)["metadata"]?["resourceVersion"]?.stringValue ?? ""
            var watch = try await server.watch(path + "?resourceVersion=\(start)&allowWatchBookmarks=true")
            let widget: JSONValue = ["apiVersion": "example.com/v1", "kind": "Widget", "metadata": ["name": "w"], "spec": ["size": 1]]
            #expect(try await server.request(.post, path, json: widget).status == 201)
            let added = try #require(try await watch.nextChange())
            #expect(added.eventSummary == "ADDED w")
            #expect(added["object"]?["kind"] == "Widget")
            #expect(added["object"]?["apiVersion"] == "example.com/v1")
            let bookmark = try #require(try await watch.nextBookmark())
            #expect(bookmark["object"]?["kind"] == "Widget")
        }
    }

    @Test func watchFromAMalformedResourceVersionIsABadRequest() async throws {
        try await ReadConformanceServer.with { server in
            let reply = try await server.request(.get, Self.configMaps + "?watch=1&resourceVersion=abc")
            #expect(reply.status == 400)
            #expect(reply.json["reason"] == "BadRequest")
        }
    }
}
