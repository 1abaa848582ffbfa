/// What to scale, within which bounds, on which metrics.
public struct HorizontalPodAutoscalerSpec: Codable, Sendable, Hashable {
    public var scaleTargetRef: CrossVersionObjectReference
    public var minReplicas: Int32?
    public var maxReplicas: Int32
    public var metrics: [MetricSpec]?
    public var behavior: HorizontalPodAutoscalerBehavior?

    public init(
        scaleTargetRef: CrossVersionObjectReference, minReplicas: Int32? = nil, maxReplicas: Int32,
        metrics: [MetricSpec]? = nil, behavior: HorizontalPodAutoscalerBehavior? = nil
    ) {
        self.scaleTargetRef = scaleTargetRef
        self.minReplicas = minReplicas
        self.maxReplicas = maxReplicas
        self.metrics = metrics
        self.behavior = behavior
    }
}
