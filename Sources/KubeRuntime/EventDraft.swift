/// An event a controller wants to report about an object, before de-duplication.
public struct EventDraft: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case normal = "Normal"
        case warning = "Warning"
    }

    /// The object the event is about (`regarding` in events.k8s.io/v1, `involvedObject` in core/v1).
    public var regarding: EventObjectReference
    public var type: Kind
    /// A short UpperCamelCase cause, such as `ReconcileFailed`.
    public var reason: String
    public var message: String
    /// What was done, such as `Reconcile` (events.k8s.io/v1 `action`).
    public var action: String

    public init(regarding: EventObjectReference, type: Kind, reason: String, message: String, action: String) {
        self.regarding = regarding
        self.type = type
        self.reason = reason
        self.message = message
        self.action = action
    }
}

/// Identifies the object an event is about.
public struct EventObjectReference: Sendable, Hashable {
    public var apiVersion: String
    public var kind: String
    public var namespace: String?
    public var name: String
    public var uid: String

    public init(apiVersion: String, kind: String, namespace: String?, name: String, uid: String) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.namespace = namespace
        self.name = name
        self.uid = uid
    }
}
