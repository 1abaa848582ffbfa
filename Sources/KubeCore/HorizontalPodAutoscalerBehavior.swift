/// How fast an autoscaler may scale up and down.
public struct HorizontalPodAutoscalerBehavior: Codable, Sendable, Hashable {
    public var scaleUp: HPAScalingRules?
    public var scaleDown: HPAScalingRules?

    public init(scaleUp: HPAScalingRules? = nil, scaleDown: HPAScalingRules? = nil) {
        self.scaleUp = scaleUp
        self.scaleDown = scaleDown
    }
}
