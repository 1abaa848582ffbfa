import Foundation
import Testing
@testable import KubeRuntime

@Suite struct EventAggregatorTests {
    let start = Date(timeIntervalSince1970: 1_700_000_000)
    let team = EventObjectReference(apiVersion: "ensemble.dev/v1alpha1", kind: "AgentTeam", namespace: "ai", name: "support", uid: "u1")

    private func draft(reason: String = "ReconcileFailed", message: String = "boom") -> EventDraft {
        EventDraft(regarding: team, type: .warning, reason: reason, message: message, action: "Reconcile")
    }

    private func aggregator(capacity: Int = 4096) -> EventAggregator {
        EventAggregator(reportingController: "ensemble.dev/controller", reportingInstance: "pod-1", capacity: capacity)
    }

    @Test func firstOccurrenceCreatesThenRepeatsPatchTheCount() {
        var events = aggregator()
        guard case .create(let record) = events.record(draft(), at: start) else { Issue.record("expected a create"); return }
        #expect(record.namespace == "ai" && record.name.hasPrefix("support.") && record.count == 1)
        #expect(record.reportingController == "ensemble.dev/controller" && record.firstObserved == start)
        let second = events.record(draft(), at: start.addingTimeInterval(5))
        #expect(second == .patch(namespace: "ai", name: record.name, count: 2, lastObserved: start.addingTimeInterval(5)))
        let third = events.record(draft(), at: start.addingTimeInterval(9))
        #expect(third == .patch(namespace: "ai", name: record.name, count: 3, lastObserved: start.addingTimeInterval(9)))
    }

    @Test func differentReasonOrMessageIsAnotherEvent() {
        var events = aggregator()
        _ = events.record(draft(), at: start)
        guard case .create = events.record(draft(message: "other"), at: start) else { Issue.record("expected a create"); return }
        guard case .create = events.record(draft(reason: "Applied"), at: start) else { Issue.record("expected a create"); return }
        #expect(events.rememberedCount == 3)
    }

    @Test func repeatAfterAQuietWindowStartsAFreshEvent() {
        var events = aggregator()
        _ = events.record(draft(), at: start)
        guard case .create(let fresh) = events.record(draft(), at: start.addingTimeInterval(601)) else {
            Issue.record("expected a create"); return
        }
        #expect(fresh.count == 1)
    }

    @Test func forgetAfterAFailedWriteCreatesAgain() {
        var events = aggregator()
        _ = events.record(draft(), at: start)
        events.forget(draft())
        guard case .create = events.record(draft(), at: start.addingTimeInterval(1)) else { Issue.record("expected a create"); return }
    }

    @Test func leastRecentlySeenEventIsForgottenWhenFull() {
        var events = aggregator(capacity: 2)
        _ = events.record(draft(message: "a"), at: start)
        _ = events.record(draft(message: "b"), at: start)
        _ = events.record(draft(message: "a"), at: start)
        _ = events.record(draft(message: "c"), at: start)
        #expect(events.rememberedCount == 2)
        guard case .patch = events.record(draft(message: "a"), at: start) else { Issue.record("a should be remembered"); return }
        guard case .create = events.record(draft(message: "b"), at: start) else { Issue.record("b should be forgotten"); return }
    }

    @Test func longMessagesAreCut() {
        var events = aggregator()
        guard case .create(let record) = events.record(draft(message: String(repeating: "x", count: 5000)), at: start) else {
            Issue.record("expected a create"); return
        }
        #expect(record.draft.message.count == 1024)
    }

    @Test func eventNamesFollowClientGo() {
        #expect(EventAggregator.eventName(for: "pod", at: Date(timeIntervalSince1970: 1)) == "pod.3b9aca00")
    }
}
