/// Samples a fixed fraction of traces, decided by the trace id alone, so that every process seeing the same
/// trace id with the same ratio takes the same decision, and a trace sampled at one ratio is sampled at any higher one.
///
/// The decision reads the lower 8 bytes of the trace id (the random part in W3C Trace Context level 2) as an
/// unsigned number, keeps its lower 63 bits, and samples when that is below `ratio × 2⁶³`.
public struct TraceIDRatioSampler: Sampler {
    public let ratio: Double
    private let threshold: UInt64

    /// - Precondition: `ratio` is within `0...1`.
    public init(ratio: Double) {
        precondition((0...1).contains(ratio), "sampling ratio must be within 0...1")
        self.ratio = ratio
        self.threshold = ratio >= 1 ? 1 << 63 : UInt64(ratio * 0x1p63)
    }

    public func shouldSample(
        parent: SpanContext?, traceID: TraceID, name: String, kind: SpanKind, attributes: [String: SpanAttribute]
    ) -> SamplingDecision {
        traceID.low & (UInt64.max >> 1) < threshold ? .recordAndSample : .drop
    }
}
