/// What a `Sampler` decided for a new span.
public enum SamplingDecision: Sendable, Hashable {
    /// The span is non-recording and its context propagates as not sampled.
    case drop
    /// The span records and is exported.
    case recordAndSample
}
