import EnsembleSupport
import Foundation
import KubeClient
import KubeCore
import KubeRuntime
import Synchronization

/// Records events as `events.k8s.io/v1` Events: `EventAggregator` decides whether an occurrence creates an
/// Event or patches the series of an earlier one; this turns that intent into the API call. A failed call is
/// logged and forgotten (events are best effort and never fail a reconcile).
public final class KubeEventRecorder: Sendable {
    private let client: KubeClient
    private let aggregator: Mutex<EventAggregator>
    private let clock: @Sendable () -> Date
    private let logger: Logger

    public init(
        client: KubeClient, aggregator: EventAggregator, logger: Logger, clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.client = client
        self.aggregator = Mutex(aggregator)
        self.clock = clock
        self.logger = logger
    }

    public func record(_ draft: EventDraft) async {
        let now = clock()
        let intent = aggregator.withLock { $0.record(draft, at: now) }
        do {
            try await perform(intent)
        } catch {
            aggregator.withLock { $0.forget(draft) }
            logger.warning(
                "could not record event",
                metadata: ["reason": .string(draft.reason), "error": .string(String(describing: error))])
        }
    }

    private func perform(_ intent: EventIntent) async throws {
        switch intent {
        case .create(let record):
            _ = try await client.create(Event(record), namespace: record.namespace)
        case .patch(let namespace, let name, let count, let lastObserved):
            let series: JSONValue = [
                "series": ["count": .integer(Int64(count)), "lastObservedTime": .string(MicroTime(lastObserved).description)]
            ]
            _ = try await client.patch(Event.self, name, namespace: namespace, patch: .merge(series))
        }
    }
}

extension Event {
    init(_ record: EventRecord) {
        let regarding = record.draft.regarding
        self.init(
            metadata: ObjectMeta(name: record.name, namespace: record.namespace),
            eventTime: MicroTime(record.firstObserved), reportingController: record.reportingController,
            reportingInstance: record.reportingInstance, action: record.draft.action, reason: record.draft.reason,
            regarding: ObjectReference(
                apiVersion: regarding.apiVersion, kind: regarding.kind, name: regarding.name,
                namespace: regarding.namespace, uid: regarding.uid),
            note: record.draft.message, type: record.draft.type.rawValue)
    }
}
