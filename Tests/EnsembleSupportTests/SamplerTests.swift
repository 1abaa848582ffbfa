import Testing
import EnsembleSupport

@Suite struct SamplerTests {
    private func decide(_ sampler: any Sampler, _ traceID: TraceID, parent: SpanContext? = nil) -> SamplingDecision {
        sampler.shouldSample(parent: parent, traceID: traceID, name: "chat", kind: .internal, attributes: [:])
    }

    @Test func ratioSamplingIsDeterministicOnTheTraceID() {
        var generator = SplitMix64(seed: 7)
        let ids = (0..<10_000).map { _ in TraceID.random(using: &generator) }
        let sampler = TraceIDRatioSampler(ratio: 0.25)
        let first = ids.map { decide(sampler, $0) }
        let second = ids.map { decide(TraceIDRatioSampler(ratio: 0.25), $0) }
        #expect(first == second)
        let sampled = first.filter { $0 == .recordAndSample }.count
        #expect((2_200...2_800).contains(sampled))
    }

    @Test func aTraceSampledAtOneRatioIsSampledAtAnyHigherOne() {
        var generator = SplitMix64(seed: 11)
        for _ in 0..<2_000 {
            let id = TraceID.random(using: &generator)
            if decide(TraceIDRatioSampler(ratio: 0.1), id) == .recordAndSample {
                #expect(decide(TraceIDRatioSampler(ratio: 0.5), id) == .recordAndSample)
            }
        }
    }

    @Test func ratioReadsTheLowerEightBytes() {
        let low = TraceID(high: .max, low: 0)
        let high = TraceID(high: 0, low: UInt64.max >> 1)
        #expect(decide(TraceIDRatioSampler(ratio: 0.01), low) == .recordAndSample)
        #expect(decide(TraceIDRatioSampler(ratio: 0.99), high) == .drop)
        #expect(decide(TraceIDRatioSampler(ratio: 1), high) == .recordAndSample)
        #expect(decide(TraceIDRatioSampler(ratio: 0), low) == .drop)
    }

    @Test func parentBasedFollowsTheParentAndAsksTheRootOtherwise() {
        let sampler = ParentBasedSampler(root: .alwaysOff)
        let id = TraceID.random()
        let sampledParent = SpanContext(traceID: id, spanID: .random(), isSampled: true, isRemote: true)
        let unsampledParent = SpanContext(traceID: id, spanID: .random(), isSampled: false)
        #expect(decide(sampler, id) == .drop)
        #expect(decide(sampler, id, parent: sampledParent) == .recordAndSample)
        #expect(decide(ParentBasedSampler(root: .alwaysOn), id, parent: unsampledParent) == .drop)
        #expect(decide(ParentBasedSampler(root: .alwaysOn), id) == .recordAndSample)
    }
}
