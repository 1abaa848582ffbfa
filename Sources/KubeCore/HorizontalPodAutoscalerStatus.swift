import EnsembleSupport

/// The observed state of an autoscaler.
public struct HorizontalPodAutoscalerStatus: Codable, Sendable, Hashable {
    public var observedGeneration: Int64?
    public var lastScaleTime: Time?
    public var currentReplicas: Int32?
    public var desiredReplicas: Int32
    public var currentMetrics: [JSONValue]?
    public var conditions: [HorizontalPodAutoscalerCondition]?

    public init(
        observedGeneration: Int64? = nil, lastScaleTime: Time? = nil, currentReplicas: Int32? = nil,
        desiredReplicas: Int32 = 0, currentMetrics: [JSONValue]? = nil,
        conditions: [HorizontalPodAutoscalerCondition]? = nil
    ) {
        self.observedGeneration = observedGeneration
        self.lastScaleTime = lastScaleTime
        self.currentReplicas = currentReplicas
        self.desiredReplicas = desiredReplicas
        self.currentMetrics = currentMetrics
        self.conditions = conditions
    }

    private enum CodingKeys: String, CodingKey {
        case observedGeneration, lastScaleTime, currentReplicas, desiredReplicas, currentMetrics, conditions
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.observedGeneration = try container.decodeIfPresent(Int64.self, forKey: .observedGeneration)
        self.lastScaleTime = try container.decodeIfPresent(Time.self, forKey: .lastScaleTime)
        self.currentReplicas = try container.decodeIfPresent(Int32.self, forKey: .currentReplicas)
        self.desiredReplicas = try container.decodeIfPresent(Int32.self, forKey: .desiredReplicas) ?? 0
        self.currentMetrics = try container.decodeIfPresent([JSONValue].self, forKey: .currentMetrics)
        self.conditions = try container.decodeIfPresent([HorizontalPodAutoscalerCondition].self, forKey: .conditions)
    }
}
