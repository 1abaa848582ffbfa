/// Sends batches of ended spans somewhere: a collector, memory, a file.
public protocol SpanExporter: Sendable {
    /// Throws when the batch could not be delivered; the caller counts its spans as failed and moves on.
    func export(_ spans: [SpanData]) async throws
    /// Releases resources; later exports may fail.
    func shutdown() async
}
