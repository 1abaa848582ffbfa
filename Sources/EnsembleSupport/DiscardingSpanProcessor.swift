/// A processor that drops every span; what `Tracer.disabled` uses.
struct DiscardingSpanProcessor: SpanProcessor {
    func onEnd(_ span: SpanData) {}
    func forceFlush() async {}
    func shutdown() async {}
}
