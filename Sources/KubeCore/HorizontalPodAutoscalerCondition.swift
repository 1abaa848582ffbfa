/// A condition of an autoscaler (`AbleToScale`, `ScalingActive`, `ScalingLimited`).
public struct HorizontalPodAutoscalerCondition: Codable, Sendable, Hashable {
    public var `type`: String
    public var status: ConditionStatus
    public var lastTransitionTime: Time?
    public var reason: String?
    public var message: String?

    public init(
        type: String, status: ConditionStatus, lastTransitionTime: Time? = nil, reason: String? = nil,
        message: String? = nil
    ) {
        self.type = `type`
        self.status = status
        self.lastTransitionTime = lastTransitionTime
        self.reason = reason
        self.message = message
    }
}
