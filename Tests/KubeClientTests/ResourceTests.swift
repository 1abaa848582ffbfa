import EnsembleSupport
import Foundation
import KubeClient
import KubeCore
import KubeTesting
import Testing

@Suite struct ResourceTests {
    private func deployment(_ name: String, replicas: Int32? = 1) -> Deployment {
        Deployment(
            metadata: ObjectMeta(name: name, labels: ["app": name]),
            spec: DeploymentSpec(
                replicas: replicas, selector: LabelSelector(matchLabels: ["app": name]),
                template: PodTemplateSpec(
                    metadata: ObjectMeta(labels: ["app": name]),
                    spec: PodSpec(containers: [Container(name: "runner", image: "ensemble:1")]))))
    }

    @Test func deploymentCreateGetUpdateStatusListDelete() async throws {
        let fixture = try EmulatorFixture()
        let client = fixture.client
        let created = try await client.create(deployment("web"))
        #expect(created.metadata.uid != nil)
        #expect(created.metadata.namespace == "default")
        var fetched = try await client.get(Deployment.self, "web")
        #expect(fetched == created)
        fetched.spec?.template.spec?.containers[0].image = "ensemble:2"
        let updated = try await client.update(fetched)
        #expect(updated.spec?.template.spec?.containers[0].image == "ensemble:2")
        #expect(updated.metadata.generation == 2)

        var withStatus = updated
        withStatus.status = DeploymentStatus(observedGeneration: 2, replicas: 1, readyReplicas: 1)
        withStatus.spec?.replicas = 9
        let statusWritten = try await client.updateStatus(withStatus)
        #expect(statusWritten.status?.readyReplicas == 1)
        #expect(statusWritten.spec?.replicas == 1)

        let stale = await #expect(throws: KubeError.self) { try await client.update(fetched) }
        #expect(stale?.isConflict == true)

        let list = try await client.list(Deployment.self, namespace: "default")
        #expect(list.items.map(\.metadata.name) == ["web"])
        try await client.delete(Deployment.self, "web", options: DeleteOptions(propagationPolicy: .foreground))
        let missing = await #expect(throws: KubeError.self) { try await client.get(Deployment.self, "web") }
        #expect(missing?.isNotFound == true)
        #expect(missing?.status?.code == 404)
        await fixture.emulator.shutdown()
    }

    @Test func configMapsPageWithSelectorsAndDeleteCollection() async throws {
        let fixture = try EmulatorFixture()
        let client = fixture.client
        for index in 0..<7 {
            _ = try await client.create(ConfigMap(
                metadata: ObjectMeta(name: "map-\(index)", labels: ["parity": index % 2 == 0 ? "even" : "odd"]),
                data: ["index": "\(index)"]))
        }
        let first = try await client.listPage(ConfigMap.self, namespace: "default", options: ListOptions(limit: 3))
        #expect(first.items.count == 3)
        #expect(first.metadata.continue != nil)
        let all = try await client.list(ConfigMap.self, namespace: "default", options: ListOptions(limit: 3))
        #expect(all.items.count == 7)
        #expect(all.metadata.resourceVersion != nil)
        let even = try await client.list(ConfigMap.self, namespace: "default", options: ListOptions(labelSelector: "parity=even"))
        #expect(even.items.count == 4)
        let byName = try await client.list(
            ConfigMap.self, namespace: nil, options: ListOptions(fieldSelector: "metadata.name=map-3"))
        #expect(byName.items.map(\.metadata.name) == ["map-3"])
        try await client.deleteCollection(ConfigMap.self, namespace: "default", selection: ListOptions(labelSelector: "parity=odd"))
        let left = try await client.list(ConfigMap.self, namespace: "default")
        #expect(left.items.count == 4)
        await fixture.emulator.shutdown()
    }

    @Test func errorsMapToPredicates() async throws {
        let fixture = try EmulatorFixture()
        let client = fixture.client
        _ = try await client.create(ConfigMap(metadata: ObjectMeta(name: "dup")))
        let exists = await #expect(throws: KubeError.self) { try await client.create(ConfigMap(metadata: ObjectMeta(name: "dup"))) }
        #expect(exists?.isAlreadyExists == true)
        #expect(exists?.isConflict == false)
        let invalid = await #expect(throws: KubeError.self) {
            try await client.create(ConfigMap(metadata: ObjectMeta(name: "Not_Valid")))
        }
        #expect(invalid?.isInvalid == true)
        #expect(invalid?.statusCode == 422)
        fixture.emulator.faults.failNext(1, .init(verb: "get", resource: "configmaps"), status: 410)
        let gone = await #expect(throws: KubeError.self) { try await client.get(ConfigMap.self, "dup") }
        #expect(gone?.isGone == true)
        fixture.emulator.faults.failNext(1, .init(verb: "get", resource: "configmaps"), status: 403, reason: "Forbidden")
        let forbidden = await #expect(throws: KubeError.self) { try await client.get(ConfigMap.self, "dup") }
        #expect(forbidden?.isForbidden == true)
        let precondition = await #expect(throws: KubeError.self) {
            try await client.delete(
                ConfigMap.self, "dup", options: DeleteOptions(preconditions: .init(uid: "not-the-uid")))
        }
        #expect(precondition?.isConflict == true)
        await fixture.emulator.shutdown()
    }

    @Test func serverSideApplyConflictsUntilForced() async throws {
        let fixture = try EmulatorFixture()
        let client = fixture.client
        let first = ConfigMap(metadata: ObjectMeta(name: "settings"), data: ["mode": "fast"])
        let applied = try await client.apply(first, fieldManager: "ensemble")
        #expect(applied.data == ["mode": "fast"])
        #expect(applied.metadata.managedFields?.isEmpty == false)

        let other = ConfigMap(metadata: ObjectMeta(name: "settings"), data: ["mode": "slow"])
        let conflict = await #expect(throws: KubeError.self) { try await client.apply(other, fieldManager: "gitops") }
        #expect(conflict?.isConflict == true)
        #expect(conflict?.causes.isEmpty == false)
        let forced = try await client.apply(other, fieldManager: "gitops", force: true)
        #expect(forced.data?["mode"] == "slow")

        let deploymentApplied = try await client.apply(deployment("runner", replicas: nil), fieldManager: "ensemble", force: true)
        #expect(deploymentApplied.spec?.template.spec?.containers.first?.image == "ensemble:1")
        await fixture.emulator.shutdown()
    }

    @Test func patchesMergeStrategicAndJSONWithTest() async throws {
        let fixture = try EmulatorFixture()
        let client = fixture.client
        _ = try await client.create(ConfigMap(metadata: ObjectMeta(name: "p", finalizers: ["ensemble.dev/cleanup"]), data: ["a": "1"]))
        let merged = try await client.patch(ConfigMap.self, "p", patch: .merge(["data": ["b": "2", "a": nil]]))
        #expect(merged.data == ["b": "2"])
        let strategic = try await client.patch(ConfigMap.self, "p", patch: .strategicMerge(["metadata": ["labels": ["x": "y"]]]))
        #expect(strategic.metadata.labels == ["x": "y"])
        let removed = try await client.patch(
            ConfigMap.self, "p",
            patch: .json([.test("/metadata/finalizers/0", "ensemble.dev/cleanup"), .remove("/metadata/finalizers/0")]))
        #expect(removed.metadata.finalizers == nil || removed.metadata.finalizers == [])
        let failed = await #expect(throws: KubeError.self) {
            try await client.patch(
                ConfigMap.self, "p", patch: .json([.test("/data/b", "3"), .replace("/data/b", "4")]))
        }
        #expect(failed?.statusCode == 422 || failed?.isConflict == true)
        #expect(try await client.get(ConfigMap.self, "p").data == ["b": "2"])
        await fixture.emulator.shutdown()
    }

    @Test func dynamicAccessWorksOnJSON() async throws {
        let fixture = try EmulatorFixture()
        let client = fixture.client
        let resource = GroupVersionResource(group: "", version: "v1", resource: "configmaps")
        let created = try await client.create(
            resource, ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "dyn"], "data": ["n": "1"]],
            namespace: "default")
        #expect(created["metadata"]?["uid"]?.stringValue != nil)
        let patched = try await client.patch(resource, "dyn", namespace: "default", patch: .merge(["data": ["n": "2"]]))
        #expect(patched["data"]?["n"] == "2")
        let list = try await client.list(resource, namespace: "default")
        #expect(list.items.count == 1)
        let namespaces = try await client.list(GroupVersionResource(group: "", version: "v1", resource: "namespaces"), namespace: nil)
        #expect(namespaces.items.contains { $0["metadata"]?["name"] == "default" })
        try await client.delete(resource, "dyn", namespace: "default")
        await fixture.emulator.shutdown()
    }

    @Test func decodeErrorsNameTheTypeAndField() async throws {
        let fixture = try EmulatorFixture()
        let client = fixture.client
        _ = try await client.create(
            GroupVersionResource(group: "", version: "v1", resource: "configmaps"),
            ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "odd"], "data": ["n": "1"]], namespace: "default")
        let error = await #expect(throws: KubeError.self) { try await client.get(Lease.self, "odd", namespace: "default") }
        #expect(error?.isNotFound == true)
        let mismatch = await #expect(throws: KubeError.self) {
            try await client.get(MismatchedConfigMap.self, "odd")
        }
        #expect(mismatch?.kind == .decoding)
        #expect(mismatch?.decoding?.typeName == "MismatchedConfigMap")
        #expect(mismatch?.decoding?.fieldPath == "data")
        await fixture.emulator.shutdown()
    }

    @Test func retriesAfterRetryAfterAndNotSooner() async throws {
        let fixture = try EmulatorFixture()
        let client = fixture.client
        _ = try await client.create(ConfigMap(metadata: ObjectMeta(name: "r")))
        fixture.emulator.faults.failNext(1, .init(verb: "get", resource: "configmaps"), status: 429, retryAfterSeconds: 1)
        fixture.emulator.faults.failNext(1, .init(verb: "get", resource: "configmaps"), status: 500, retryAfterSeconds: 1)
        let start = ContinuousClock.now
        let fetched = try await client.get(ConfigMap.self, "r")
        #expect(fetched.metadata.name == "r")
        #expect(ContinuousClock.now - start >= .seconds(2))

        fixture.emulator.faults.failNext(1, .init(verb: "get", resource: "configmaps"), status: 500)
        let plain = await #expect(throws: KubeError.self) { try await client.get(ConfigMap.self, "r") }
        #expect(plain?.statusCode == 500)
        await fixture.emulator.shutdown()
    }

    @Test func retriesExactlyUpToTheLimit() async throws {
        let fixture = try EmulatorFixture(retry: RetryPolicy(maximumRetries: 2))
        _ = try await fixture.client.create(ConfigMap(metadata: ObjectMeta(name: "r")))
        fixture.emulator.faults.failNext(3, .init(verb: "get", resource: "configmaps"), status: 503, retryAfterSeconds: 0)
        let error = await #expect(throws: KubeError.self) { try await fixture.client.get(ConfigMap.self, "r") }
        #expect(error?.statusCode == 503)
        #expect(error?.retryAfter == .zero)

        let patient = KubeClient(configuration: ClientConfiguration(
            server: fixture.emulator.baseURL, retry: RetryPolicy(maximumRetries: 3)))
        fixture.emulator.faults.failNext(3, .init(verb: "get", resource: "configmaps"), status: 503, retryAfterSeconds: 0)
        #expect(try await patient.get(ConfigMap.self, "r").metadata.name == "r")
        await fixture.emulator.shutdown()
    }
}

/// A ConfigMap whose `data` is declared with the wrong type, to provoke a decode error.
private struct MismatchedConfigMap: KubernetesObject {
    static let resource = ConfigMap.resource
    static let kind = "ConfigMap"
    static let isNamespaced = true
    var apiVersion = "v1"
    var kind = "ConfigMap"
    var metadata = ObjectMeta()
    var data: [Int]
}

@Suite struct ClientRateLimitTests {
    /// With 10 requests per second and a burst of 2, eight requests cannot all be sent in under 0.6 s: the
    /// limiter makes requests wait for tokens. (A lower bound only: how much longer it takes is not measured.)
    @Test func spacesRequestsBeyondTheBurst() async throws {
        let fixture = try EmulatorFixture()
        _ = try await fixture.client.create(ConfigMap(metadata: ObjectMeta(name: "r")))
        let limited = KubeClient(configuration: ClientConfiguration(
            server: fixture.emulator.baseURL, namespace: "default", rateLimit: RateLimit(queriesPerSecond: 10, burst: 2)))
        let start = ContinuousClock.now
        for _ in 0..<8 { _ = try await limited.get(ConfigMap.self, "r") }
        #expect(ContinuousClock.now - start >= .milliseconds(550))
        await fixture.emulator.shutdown()
    }
}
