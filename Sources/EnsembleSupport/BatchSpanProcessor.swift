import Synchronization

/// Queues ended spans and hands them to an exporter in batches, off the path of the code that ends them.
///
/// Run it as a `Service` (in a `ServiceGroup`): it exports a batch whenever `maximumBatchSize` spans are
/// queued and otherwise every `scheduleDelay`. When the queue is full, new spans are dropped and counted,
/// so tracing never holds up or grows the process without bound. Cancelling `run()` or calling `shutdown()`
/// exports what is queued before returning. Exports never overlap.
public final class BatchSpanProcessor: SpanProcessor, Service {
    public struct Configuration: Sendable, Hashable {
        public var maximumQueueSize: Int
        public var maximumBatchSize: Int
        public var scheduleDelay: Duration

        /// - Precondition: `0 < maximumBatchSize <= maximumQueueSize`, `scheduleDelay` positive.
        public init(maximumQueueSize: Int = 2048, maximumBatchSize: Int = 512, scheduleDelay: Duration = .seconds(5)) {
            precondition(maximumBatchSize > 0 && maximumBatchSize <= maximumQueueSize, "batch size must be within 1...queue size")
            precondition(scheduleDelay > .zero, "schedule delay must be positive")
            self.maximumQueueSize = maximumQueueSize
            self.maximumBatchSize = maximumBatchSize
            self.scheduleDelay = scheduleDelay
        }
    }

    /// Counts since creation.
    public struct Statistics: Sendable, Hashable {
        /// Waiting for export now.
        public var queued = 0
        /// Handed to the exporter, which accepted them.
        public var exported = 0
        /// Refused because the queue was full or the processor had shut down.
        public var dropped = 0
        /// In batches the exporter failed to deliver.
        public var failed = 0

        public init(queued: Int = 0, exported: Int = 0, dropped: Int = 0, failed: Int = 0) {
            self.queued = queued
            self.exported = exported
            self.dropped = dropped
            self.failed = failed
        }
    }

    public let configuration: Configuration
    private let exporter: any SpanExporter
    private let state = Mutex(State())
    private let batchReady = WakeUpSignal()
    private let exportGate = AsyncSerialGate()

    private struct State {
        var queue: [SpanData] = []
        var statistics = Statistics()
        var isShutdown = false
        var isExporterShutdown = false
    }

    public init(exporter: any SpanExporter, configuration: Configuration = Configuration()) {
        self.exporter = exporter
        self.configuration = configuration
    }

    public var name: String { "batch-span-processor" }

    public var statistics: Statistics {
        state.withLock { state in
            var statistics = state.statistics
            statistics.queued = state.queue.count
            return statistics
        }
    }

    public func onEnd(_ span: SpanData) {
        let isBatchReady: Bool = state.withLock { state in
            guard !state.isShutdown, state.queue.count < configuration.maximumQueueSize else {
                state.statistics.dropped += 1
                return false
            }
            state.queue.append(span)
            return state.queue.count == configuration.maximumBatchSize
        }
        if isBatchReady { batchReady.signal() }
    }

    public func run() async throws {
        while !Task.isCancelled, !state.withLock({ $0.isShutdown }) {
            if state.withLock({ $0.queue.count }) < configuration.maximumBatchSize {
                await batchReady.wait(upTo: configuration.scheduleDelay)
            }
            await exportGate.run { await exportQueued() }
        }
        // A fresh task, because the exports of the final flush must not inherit this task's cancellation.
        await Task { await self.shutdown() }.value
    }

    public func forceFlush() async {
        await exportGate.run { await exportQueued() }
    }

    public func shutdown() async {
        state.withLock { $0.isShutdown = true }
        batchReady.signal()
        await exportGate.run {
            await exportQueued()
            let shouldShutDownExporter: Bool = state.withLock { state in
                defer { state.isExporterShutdown = true }
                return !state.isExporterShutdown
            }
            if shouldShutDownExporter { await exporter.shutdown() }
        }
    }

    /// Exports everything queued, in batches of at most `maximumBatchSize`. Called only through `exportGate`.
    private func exportQueued() async {
        while let batch = takeBatch() {
            do {
                try await exporter.export(batch)
                state.withLock { $0.statistics.exported += batch.count }
            } catch {
                state.withLock { $0.statistics.failed += batch.count }
            }
        }
    }

    private func takeBatch() -> [SpanData]? {
        state.withLock { state in
            guard !state.queue.isEmpty else { return nil }
            let count = min(state.queue.count, configuration.maximumBatchSize)
            let batch = Array(state.queue.prefix(count))
            state.queue.removeFirst(count)
            return batch
        }
    }
}
