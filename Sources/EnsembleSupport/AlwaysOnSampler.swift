/// Samples every span.
public struct AlwaysOnSampler: Sampler {
    public init() {}

    public func shouldSample(
        parent: SpanContext?, traceID: TraceID, name: String, kind: SpanKind, attributes: [String: SpanAttribute]
    ) -> SamplingDecision {
        .recordAndSample
    }
}
