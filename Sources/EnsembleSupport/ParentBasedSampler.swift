/// Follows the parent's sampled flag, local or remote; asks `root` only for spans that start a trace.
public struct ParentBasedSampler: Sampler {
    public let root: any Sampler

    public init(root: any Sampler) {
        self.root = root
    }

    public func shouldSample(
        parent: SpanContext?, traceID: TraceID, name: String, kind: SpanKind, attributes: [String: SpanAttribute]
    ) -> SamplingDecision {
        guard let parent else {
            return root.shouldSample(parent: nil, traceID: traceID, name: name, kind: kind, attributes: attributes)
        }
        return parent.isSampled ? .recordAndSample : .drop
    }
}
