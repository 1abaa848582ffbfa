/// Samples no span.
public struct AlwaysOffSampler: Sampler {
    public init() {}

    public func shouldSample(
        parent: SpanContext?, traceID: TraceID, name: String, kind: SpanKind, attributes: [String: SpanAttribute]
    ) -> SamplingDecision {
        .drop
    }
}
