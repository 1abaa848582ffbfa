/// A condition of a Deployment (`Available`, `Progressing`, `ReplicaFailure`).
public struct DeploymentCondition: Codable, Sendable, Hashable {
    public var `type`: String
    public var status: ConditionStatus
    public var lastUpdateTime: Time?
    public var lastTransitionTime: Time?
    public var reason: String?
    public var message: String?

    public init(
        type: String, status: ConditionStatus, lastUpdateTime: Time? = nil, lastTransitionTime: Time? = nil,
        reason: String? = nil, message: String? = nil
    ) {
        self.type = `type`
        self.status = status
        self.lastUpdateTime = lastUpdateTime
        self.lastTransitionTime = lastTransitionTime
        self.reason = reason
        self.message = message
    }
}
