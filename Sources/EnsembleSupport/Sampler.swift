/// Decides, when a span starts, whether it is recorded and exported.
public protocol Sampler: Sendable {
    func shouldSample(
        parent: SpanContext?, traceID: TraceID, name: String, kind: SpanKind, attributes: [String: SpanAttribute]
    ) -> SamplingDecision
}

extension Sampler where Self == AlwaysOnSampler {
    public static var alwaysOn: AlwaysOnSampler { AlwaysOnSampler() }
}

extension Sampler where Self == AlwaysOffSampler {
    public static var alwaysOff: AlwaysOffSampler { AlwaysOffSampler() }
}

extension Sampler where Self == TraceIDRatioSampler {
    public static func traceIDRatio(_ ratio: Double) -> TraceIDRatioSampler { TraceIDRatioSampler(ratio: ratio) }
}

extension Sampler where Self == ParentBasedSampler {
    public static func parentBased(root: any Sampler) -> ParentBasedSampler { ParentBasedSampler(root: root) }
}
