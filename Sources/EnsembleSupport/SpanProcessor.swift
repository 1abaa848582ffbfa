/// Receives spans as they end, on the thread that ended them: `onEnd` must return quickly and never block.
public protocol SpanProcessor: Sendable {
    func onEnd(_ span: SpanData)
    /// Returns once every span ended before the call has been handed to the exporter.
    func forceFlush() async
    /// Flushes, then releases the exporter; spans ending afterwards are ignored.
    func shutdown() async
}
