import EnsembleSupport
import Foundation
import KubeClient
import KubeCore
import KubeRuntime
import KubeRuntimeClient
import Synchronization
import Testing

@Suite struct EventRecorderTests {
    @Test func repeatsPatchTheSeriesOfOneEvent() async throws {
        let fixture = try EmulatorFixture()
        let recorder = KubeEventRecorder(
            client: fixture.client, aggregator: EventAggregator(reportingController: "ensemble.dev/controller", reportingInstance: "pod-1"),
            logger: fixture.logger)
        let draft = EventDraft(
            regarding: EventObjectReference(apiVersion: "v1", kind: "ConfigMap", namespace: "default", name: "cm", uid: "u1"),
            type: .warning, reason: "ReconcileFailed", message: "it broke", action: "Reconcile")
        for _ in 0..<3 {
            await recorder.record(draft)
        }
        let events = try await fixture.client.list(Event.self, namespace: "default").items
        #expect(events.count == 1)
        let event = try #require(events.first)
        #expect(event.reason == "ReconcileFailed")
        #expect(event.note == "it broke")
        #expect(event.type == "Warning")
        #expect(event.regarding?.name == "cm")
        #expect(event.reportingController == "ensemble.dev/controller")
        #expect(event.series?.count == 3)
        await fixture.shutdown()
    }
}
