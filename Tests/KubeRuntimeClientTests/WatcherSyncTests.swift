import KubeClient
import KubeCore
import KubeRuntime
import KubeRuntimeClient
import Testing

@Suite struct WatcherSyncTests {
    private func serverState(_ client: KubeClient) async throws -> [String: String] {
        let list = try await client.list(ConfigMap.self, namespace: "default")
        return Dictionary(uniqueKeysWithValues: list.items.map { ($0.metadata.name ?? "", $0.metadata.resourceVersion ?? "") })
    }

    private func cachedState(_ store: Store<TypedObject<ConfigMap>>) -> [String: String] {
        Dictionary(uniqueKeysWithValues: store.list().map { ($0.name, $0.resourceVersion) })
    }

    @Test func storeFollowsTheServerThroughCompactionAndACutWatch() async throws {
        let fixture = try EmulatorFixture()
        let client = fixture.client
        for index in 0..<30 {
            _ = try await client.create(ConfigMap(metadata: ObjectMeta(name: "cm-\(index)"), data: ["v": "0"]))
        }
        let watcher = Watcher(
            name: "configmaps", source: TypedListWatchSource<ConfigMap>(client: client, scope: ResourceScope(namespace: "default")),
            configuration: EmulatorFixture.quickWatcher, logger: fixture.logger)
        let running = Task { try await watcher.run() }
        try await watcher.store.waitUntilSynced()
        #expect(watcher.store.count == 30)

        for index in 0..<10 {
            _ = try await client.patch(ConfigMap.self, "cm-\(index)", patch: .merge(["data": ["v": "1"]]))
        }
        #expect(await eventually { (try? await serverState(client)) == cachedState(watcher.store) })

        fixture.emulator.compactHistory()
        fixture.emulator.cutWatches()
        for index in 10..<20 {
            try await client.delete(ConfigMap.self, "cm-\(index)")
        }
        for index in 30..<40 {
            _ = try await client.create(ConfigMap(metadata: ObjectMeta(name: "cm-\(index)")))
        }
        fixture.emulator.compactHistory()

        let synced = await eventually { (try? await serverState(client)) == cachedState(watcher.store) }
        #expect(synced)
        #expect(watcher.store.count == 30)
        #expect(watcher.store.get(ObjectKey(namespace: "default", name: "cm-15")) == nil)
        #expect(watcher.store.get(ObjectKey(namespace: "default", name: "cm-3"))?.object.data == ["v": "1"])

        running.cancel()
        _ = await running.result
        await fixture.shutdown()
    }

    @Test func dynamicSourceCachesObjectsAsJSON() async throws {
        let fixture = try EmulatorFixture()
        let client = fixture.client
        _ = try await client.create(
            ConfigMap(metadata: ObjectMeta(name: "labelled", labels: ["app": "x"]), data: ["k": "v"]))
        let watcher = Watcher(
            name: "dynamic", source: DynamicListWatchSource(client: client, resource: ConfigMap.resource),
            configuration: EmulatorFixture.quickWatcher, logger: fixture.logger)
        let running = Task { try await watcher.run() }
        try await watcher.store.waitUntilSynced()
        let cached = try #require(watcher.store.get(ObjectKey(namespace: "default", name: "labelled")))
        #expect(cached.labels == ["app": "x"])
        #expect(cached.json["data"]?["k"]?.stringValue == "v")
        #expect(watcher.store.list(labels: ["app": "x"]).count == 1)
        running.cancel()
        _ = await running.result
        await fixture.shutdown()
    }
}
