import Foundation

/// What the event recorder asks the API to do for one recorded event.
public enum EventIntent: Sendable, Hashable {
    /// Create a new Event object.
    case create(EventRecord)
    /// Update an existing one: the repeat `count` (core/v1 `count`, events.k8s.io/v1 `series.count`)
    /// and the time of the latest occurrence.
    case patch(namespace: String, name: String, count: Int, lastObserved: Date)
}

/// A new Event object, ready to be encoded in either API version.
public struct EventRecord: Sendable, Hashable {
    public var namespace: String
    public var name: String
    public var draft: EventDraft
    public var reportingController: String
    public var reportingInstance: String
    public var count: Int
    public var firstObserved: Date
    public var lastObserved: Date
}
