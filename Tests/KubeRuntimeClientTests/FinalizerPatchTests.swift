import EnsembleSupport
import Foundation
import KubeClient
import KubeCore
import KubeRuntime
import KubeRuntimeClient
import Testing

/// `FinalizerHelper`'s patches against the emulator: they apply to the state they were computed from and are
/// refused (422, nothing changed) when someone edited the finalizers in between.
@Suite struct FinalizerPatchTests {
    private let helper = FinalizerHelper(finalizer: "ensemble.dev/cleanup")

    private func metadata(_ configMap: ConfigMap) throws -> JSONValue {
        try JSONText.parse(try JSONEncoder().encode(configMap))["metadata"] ?? [:]
    }

    @Test func addsAndRemovesTheFinalizer() async throws {
        let fixture = try EmulatorFixture()
        let created = try await fixture.client.create(ConfigMap(metadata: ObjectMeta(name: "guarded")))
        let addition = try #require(helper.additionPatch(metadata: try metadata(created)))
        let guarded = try await fixture.client.patch(ConfigMap.self, "guarded", patch: .json(addition))
        #expect(guarded.metadata.finalizers == ["ensemble.dev/cleanup"])

        try await fixture.client.delete(ConfigMap.self, "guarded")
        let deleting = try await fixture.client.get(ConfigMap.self, "guarded")
        #expect(deleting.metadata.deletionTimestamp != nil, "the finalizer holds the object")
        let removal = try #require(helper.removalPatch(metadata: try metadata(deleting)))
        _ = try await fixture.client.patch(ConfigMap.self, "guarded", patch: .json(removal))
        let gone = await #expect(throws: KubeError.self) { try await fixture.client.get(ConfigMap.self, "guarded") }
        #expect(gone?.isNotFound == true)
        await fixture.shutdown()
    }

    @Test func refusesAnAdditionComputedBeforeAConcurrentEdit() async throws {
        let fixture = try EmulatorFixture()
        let created = try await fixture.client.create(ConfigMap(metadata: ObjectMeta(name: "contended")))
        let stale = try #require(helper.additionPatch(metadata: try metadata(created)))
        _ = try await fixture.client.patch(ConfigMap.self, "contended", patch: .merge(["metadata": ["finalizers": ["other.io/keep"]]]))
        let refused = await #expect(throws: KubeError.self) {
            try await fixture.client.patch(ConfigMap.self, "contended", patch: .json(stale))
        }
        #expect(refused?.isInvalid == true)
        #expect(try await fixture.client.get(ConfigMap.self, "contended").metadata.finalizers == ["other.io/keep"])
        await fixture.shutdown()
    }
}
