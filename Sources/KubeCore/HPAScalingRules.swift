/// Limits on scaling in one direction.
public struct HPAScalingRules: Codable, Sendable, Hashable {
    public var stabilizationWindowSeconds: Int32?
    public var selectPolicy: String?
    public var policies: [HPAScalingPolicy]?

    public init(
        stabilizationWindowSeconds: Int32? = nil, selectPolicy: String? = nil, policies: [HPAScalingPolicy]? = nil
    ) {
        self.stabilizationWindowSeconds = stabilizationWindowSeconds
        self.selectPolicy = selectPolicy
        self.policies = policies
    }
}
