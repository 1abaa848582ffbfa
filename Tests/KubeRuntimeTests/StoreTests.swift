import Testing
import KubeRuntime

@Suite struct StoreTests {
    let owner = OwnerReference(apiVersion: "ensemble.dev/v1alpha1", kind: "AgentTeam", name: "t", uid: "team-uid", controller: true)

    @Test func indexesByNamespaceOwnerAndLabel() {
        let store = Store<TestObject>()
        store.replaceAll([
            TestObject("a", "1", labels: ["app": "x", "tier": "web"], owners: [owner]),
            TestObject("a", "2", labels: ["app": "y"]),
            TestObject("b", "3", labels: ["app": "x"], owners: [owner]),
        ])
        #expect(store.list(namespace: "a").map(\.name) == ["1", "2"])
        #expect(store.list(ownerUID: "team-uid").map(\.name) == ["1", "3"])
        #expect(store.list(labels: ["app": "x"]).map(\.name) == ["1", "3"])
        #expect(store.list(labels: ["app": "x", "tier": "web"]).map(\.name) == ["1"])
        #expect(store.list(labels: ["app": "x"], namespace: "b").map(\.name) == ["3"])
        #expect(store.list(labels: [:]).count == 3)
    }

    @Test func upsertMovesAnObjectBetweenIndexValues() {
        let store = Store<TestObject>()
        store.upsert(TestObject("a", "1", labels: ["app": "x"]))
        store.upsert(TestObject("a", "1", rv: 2, labels: ["app": "y"]))
        #expect(store.list(labels: ["app": "x"]).isEmpty)
        #expect(store.list(labels: ["app": "y"]).map(\.resourceVersion) == ["2"])
        store.delete(ObjectKey(namespace: "a", name: "1"))
        #expect(store.list(labels: ["app": "y"]).isEmpty)
        #expect(store.list(namespace: "a").isEmpty)
    }

    @Test func customIndex() {
        let byValue = StoreIndex<TestObject>(name: "value") { [String($0.value)] }
        let store = Store<TestObject>(indexes: [byValue])
        store.replaceAll([TestObject("a", "1", value: 5), TestObject("a", "2", value: 6), TestObject(nil, "3", value: 5)])
        #expect(store.list(index: "value", value: "5").map(\.name) == ["3", "1"])
    }

    @Test func replaceAllSwapsAtomicallyAndReportsRemovals() async {
        let store = Store<TestObject>()
        store.replaceAll((0..<100).map { TestObject("old", "o\($0)") })
        let snapshot = store.snapshot()
        let readers = Task.detached {
            // Every read sees the old list or the new one, never a mix.
            for _ in 0..<2000 {
                let namespaces = Set(store.list().map(\.namespace))
                if namespaces.count > 1 { return false }
            }
            return true
        }
        var removed: [TestObject] = []
        for round in 0..<50 {
            let namespace = round.isMultiple(of: 2) ? "new" : "old"
            removed = store.replaceAll((0..<100).map { TestObject(namespace, "n\($0)") })
        }
        #expect(await readers.value)
        #expect(removed.count == 100)
        #expect(snapshot.count == 100 && snapshot.sorted.allSatisfy { $0.namespace == "old" })
    }

    @Test func waitUntilSyncedResumesAfterTheFirstList() async throws {
        let store = Store<TestObject>()
        #expect(!store.isSynced)
        store.upsert(TestObject("a", "1"))
        #expect(!store.isSynced)
        let waiter = Task { try await store.waitUntilSynced() }
        store.replaceAll([])
        try await waiter.value
        #expect(store.isSynced)
        try await store.waitUntilSynced()
    }

    @Test func waitUntilSyncedThrowsWhenCancelled() async {
        let store = Store<TestObject>()
        let waiter = Task { try await store.waitUntilSynced() }
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
    }

    @Test func applyReportsWhatLanded() {
        let store = Store<TestObject>()
        store.replaceAll([TestObject("a", "gone")])
        guard case .replaced(let current, let removed) = store.apply(.replaceAll([TestObject("a", "kept")])) else {
            Issue.record("expected a replacement"); return
        }
        #expect(current.map(\.name) == ["kept"] && removed.map(\.name) == ["gone"])
        store.apply(.delete(TestObject("a", "kept")))
        #expect(store.count == 0)
    }
}
