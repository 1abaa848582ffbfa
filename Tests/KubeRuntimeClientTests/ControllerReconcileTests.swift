import EnsembleSupport
import KubeClient
import KubeCore
import KubeRuntime
import KubeRuntimeClient
import KubeTesting
import Testing

@Suite struct ControllerReconcileTests {
    static let annotation = "ensemble.dev/digest"

    static func digest(of data: [String: String]?) -> String {
        (data ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }

    /// Writes the digest of the cached ConfigMap's data into its annotation; a stale cache fails the update
    /// with a conflict, and the retry reads the fresher cache.
    static func reconciler(
        store: Store<TypedObject<ConfigMap>>, client: KubeClient
    ) -> Controller<ObjectKey>.Reconcile {
        { key, _ in
            guard var configMap = store.get(key)?.object else { return .done }
            let digest = digest(of: configMap.data)
            guard configMap.metadata.annotations?[annotation] != digest else { return .done }
            configMap.metadata.annotations = (configMap.metadata.annotations ?? [:]).merging([annotation: digest]) { $1 }
            configMap.metadata.managedFields = nil
            _ = try await client.update(configMap)
            return .done
        }
    }

    private func createConfigMaps(_ count: Int, client: KubeClient) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    for index in stride(from: worker, to: count, by: 8) {
                        _ = try await client.create(ConfigMap(metadata: ObjectMeta(name: "cm-\(index)"), data: ["value": "\(index)"]))
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    @Test func everyConfigMapEndsReconciledToItsFinalData() async throws {
        let fixture = try EmulatorFixture()
        let client = fixture.client
        try await createConfigMaps(1000, client: client)

        let watcher = Watcher(
            name: "configmaps", source: TypedListWatchSource<ConfigMap>(client: client, scope: ResourceScope(namespace: "default")),
            configuration: EmulatorFixture.quickWatcher, logger: fixture.logger)
        let metrics = MetricsRegistry()
        let controller = Controller<ObjectKey>(
            name: "digest", workers: 4, logger: fixture.logger, metrics: metrics,
            reconcile: Self.reconciler(store: watcher.store, client: client))
        controller.watchPrimary(watcher)
        fixture.emulator.faults.failNext(5, FaultInjector.Match(verb: "update", resource: "configmaps"), status: 429, retryAfterSeconds: 1)
        let watching = Task { try await watcher.run() }
        let reconciling = Task { try await controller.run() }

        // Edits while the controller works: the annotation must follow the final data.
        for index in stride(from: 0, to: 1000, by: 50) {
            _ = try await client.patch(ConfigMap.self, "cm-\(index)", patch: .merge(["data": ["value": .string("edited-\(index)")]]))
        }

        func unreconciled() async -> Int? {
            guard let items = try? await client.list(ConfigMap.self, namespace: "default").items else { return nil }
            return items.filter { $0.metadata.annotations?[Self.annotation] != Self.digest(of: $0.data) }.count
        }
        #expect(await eventually(seconds: 300) { await unreconciled() == 0 })
        let final = try await client.list(ConfigMap.self, namespace: "default").items
        #expect(final.count == 1000)
        #expect(final.first { $0.metadata.name == "cm-50" }?.metadata.annotations?[Self.annotation] == "value=edited-50")
        #expect(PrometheusTextFormat.render(metrics).contains("controller_runtime_reconcile_total{controller=\"digest\",result=\"success\"}"))

        reconciling.cancel()
        watching.cancel()
        _ = await reconciling.result
        _ = await watching.result
        await fixture.shutdown()
    }
}
