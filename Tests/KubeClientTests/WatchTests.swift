import EnsembleSupport
import Foundation
import KubeClient
import KubeCore
import KubeTesting
import Testing

@Suite struct WatchTests {
    @Test func watchesFromAListResourceVersionAndResumesFromABookmark() async throws {
        let fixture = try EmulatorFixture()
        let client = fixture.client
        _ = try await client.create(ConfigMap(metadata: ObjectMeta(name: "before")))
        let list = try await client.list(ConfigMap.self, namespace: "default")
        let stream = try await client.watch(
            ConfigMap.self, namespace: "default", options: WatchOptions(resourceVersion: list.metadata.resourceVersion))
        var events = stream.makeAsyncIterator()
        _ = try await client.create(ConfigMap(metadata: ObjectMeta(name: "after"), data: ["v": "1"]))
        guard case .added(let added) = try await events.next() else { Issue.record("expected ADDED"); return }
        #expect(added.metadata.name == "after")
        var bookmarkVersion: String?
        while bookmarkVersion == nil, let event = try await events.next() {
            if case .bookmark(let version) = event { bookmarkVersion = version }
        }
        let resumeFrom = try #require(bookmarkVersion)

        _ = try await client.patch(ConfigMap.self, "after", patch: .merge(["data": ["v": "2"]]))
        try await client.delete(ConfigMap.self, "before")
        let resumed = try await client.watch(
            ConfigMap.self, namespace: "default", options: WatchOptions(resourceVersion: resumeFrom))
        var resumedEvents = resumed.makeAsyncIterator()
        guard case .modified(let modified) = try await resumedEvents.next() else { Issue.record("expected MODIFIED"); return }
        #expect(modified.data == ["v": "2"])
        guard case .deleted(let deleted) = try await resumedEvents.next() else { Issue.record("expected DELETED"); return }
        #expect(deleted.metadata.name == "before")
        await fixture.emulator.shutdown()
    }

    @Test func anExpiredResourceVersionEndsWithGone() async throws {
        let fixture = try EmulatorFixture()
        let client = fixture.client
        let first = try await client.create(ConfigMap(metadata: ObjectMeta(name: "a")))
        _ = try await client.create(ConfigMap(metadata: ObjectMeta(name: "b")))
        fixture.emulator.compactHistory()
        let stream = try await client.watch(
            ConfigMap.self, namespace: "default", options: WatchOptions(resourceVersion: first.metadata.resourceVersion))
        var events = stream.makeAsyncIterator()
        guard case .error(let status) = try await events.next() else { Issue.record("expected ERROR"); return }
        #expect(status.code == 410)
        await fixture.emulator.shutdown()
    }

    @Test func aStreamCutMidEventFailsWithoutAHalfEvent() async throws {
        let fixture = try EmulatorFixture()
        let client = fixture.client
        let large = String(repeating: "x", count: 64 << 10)
        let start = try await client.list(ConfigMap.self, namespace: "default").metadata.resourceVersion
        for index in 0..<60 {
            _ = try await client.create(ConfigMap(metadata: ObjectMeta(name: "big-\(index)"), data: ["payload": large]))
        }
        let stream = try await client.watch(
            ConfigMap.self, namespace: "default", options: WatchOptions(resourceVersion: start, allowWatchBookmarks: false))
        var events = stream.makeAsyncIterator()
        guard case .added = try await events.next() else { Issue.record("expected ADDED"); return }
        fixture.emulator.cutWatches(midEvent: true)
        // The cut falls in the middle of the next event not yet taken by the stream: make sure there is one.
        _ = try await client.create(ConfigMap(metadata: ObjectMeta(name: "after-the-cut")))
        var complete = 1
        do {
            while let event = try await events.next() {
                #expect(event.object?.data?["payload"] == large)
                complete += 1
            }
            Issue.record("the cut stream ended without an error")
        } catch let error as KubeError {
            #expect(error.kind == .truncatedWatch || error.kind == .transport)
        }
        #expect(complete <= 60, "the event after the cut never arrives whole")
        await fixture.emulator.shutdown()
    }

    @Test func dynamicWatchDecodesJSONValues() async throws {
        let fixture = try EmulatorFixture()
        let client = fixture.client
        let resource = ConfigMap.resource
        _ = try await client.create(ConfigMap(metadata: ObjectMeta(name: "seen", labels: ["watch": "me"])))
        _ = try await client.create(ConfigMap(metadata: ObjectMeta(name: "ignored")))
        let stream = try await client.watch(
            resource, namespace: "default", options: WatchOptions(resourceVersion: "0", labelSelector: "watch=me"))
        var events = stream.makeAsyncIterator()
        guard case .added(let object) = try await events.next() else { Issue.record("expected ADDED"); return }
        #expect(object["metadata"]?["name"] == "seen")
        await fixture.emulator.shutdown()
    }
}
