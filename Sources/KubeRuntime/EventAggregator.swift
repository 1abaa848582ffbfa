import Foundation

/// De-duplicates repeated events as client-go's event correlator does: the first occurrence of an event
/// (same object, type, reason, action and message) creates an Event, repeats within `window` of the last one
/// patch its count and last-seen time, and a repeat after a quiet `window` starts a new Event.
/// A pure value: the time comes in with each event; the client turns intents into API calls.
public struct EventAggregator: Sendable {
    /// Longer messages are cut, as the API server limits a note to 1 KiB.
    public static let maximumMessageLength = 1024

    private struct Occurrence: Sendable {
        var namespace: String
        var name: String
        var count: Int
        var lastObserved: Date
        var lastUse: UInt64
    }

    public let reportingController: String
    public let reportingInstance: String
    public let window: TimeInterval
    public let capacity: Int
    private var occurrences: [EventDraft: Occurrence] = [:]
    private var useCounter: UInt64 = 0

    /// - Parameters:
    ///   - reportingController: the controller's name, such as `ensemble.dev/controller`.
    ///   - reportingInstance: this replica, typically the pod name.
    ///   - capacity: how many distinct events are remembered; the least recently seen are forgotten first.
    public init(reportingController: String, reportingInstance: String, window: TimeInterval = 600, capacity: Int = 4096) {
        precondition(capacity > 0, "the event cache needs room for at least one event")
        self.reportingController = reportingController
        self.reportingInstance = reportingInstance
        self.window = window
        self.capacity = capacity
    }

    public var rememberedCount: Int { occurrences.count }

    public mutating func record(_ draft: EventDraft, at time: Date) -> EventIntent {
        var draft = draft
        if draft.message.count > Self.maximumMessageLength {
            draft.message = String(draft.message.prefix(Self.maximumMessageLength))
        }
        useCounter += 1
        if var occurrence = occurrences[draft], time.timeIntervalSince(occurrence.lastObserved) <= window {
            occurrence.count += 1
            occurrence.lastObserved = time
            occurrence.lastUse = useCounter
            occurrences[draft] = occurrence
            return .patch(
                namespace: occurrence.namespace, name: occurrence.name, count: occurrence.count, lastObserved: time)
        }
        let namespace = draft.regarding.namespace ?? "default"
        let name = Self.eventName(for: draft.regarding.name, at: time)
        evictIfFull()
        occurrences[draft] = Occurrence(namespace: namespace, name: name, count: 1, lastObserved: time, lastUse: useCounter)
        return .create(
            EventRecord(
                namespace: namespace, name: name, draft: draft, reportingController: reportingController,
                reportingInstance: reportingInstance, count: 1, firstObserved: time, lastObserved: time))
    }

    /// Forgets an event whose create or patch failed, so that its next occurrence creates a fresh Event.
    public mutating func forget(_ draft: EventDraft) {
        occurrences[draft] = nil
    }

    /// client-go's naming: the object's name and the time in hexadecimal nanoseconds.
    static func eventName(for objectName: String, at time: Date) -> String {
        let nanoseconds = UInt64(max(0, time.timeIntervalSince1970 * 1e9))
        return "\(objectName).\(String(nanoseconds, radix: 16))"
    }

    private mutating func evictIfFull() {
        guard occurrences.count >= capacity,
            let oldest = occurrences.min(by: { $0.value.lastUse < $1.value.lastUse })?.key
        else { return }
        occurrences[oldest] = nil
    }
}
