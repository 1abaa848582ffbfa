/// One aspect of an object's current state, in the shape of `metav1.Condition`.
public struct Condition: Codable, Sendable, Hashable {
    public var `type`: String
    public var status: ConditionStatus
    public var observedGeneration: Int64?
    /// When `status` last changed.
    public var lastTransitionTime: Time
    public var reason: String
    public var message: String

    public init(
        type: String, status: ConditionStatus, observedGeneration: Int64? = nil, lastTransitionTime: Time,
        reason: String, message: String
    ) {
        self.type = `type`
        self.status = status
        self.observedGeneration = observedGeneration
        self.lastTransitionTime = lastTransitionTime
        self.reason = reason
        self.message = message
    }
}
