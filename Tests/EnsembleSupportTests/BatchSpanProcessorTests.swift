import Testing
import Synchronization
import EnsembleSupport

/// An exporter that fails every batch, for counting failures.
struct FailingSpanExporter: SpanExporter {
    func export(_ spans: [SpanData]) async throws { throw SpanFailure() }
    func shutdown() async {}
}

@Suite struct BatchSpanProcessorTests {
    private func span(_ name: String) -> SpanData {
        SpanData(
            name: name, kind: .internal, context: SpanContext(traceID: .random(), spanID: .random(), isSampled: true),
            parentSpanID: nil, startTimeUnixNano: 1, endTimeUnixNano: 2)
    }

    @Test func flushExportsInBatchesOfTheConfiguredSize() async {
        let exporter = InMemorySpanExporter()
        let processor = BatchSpanProcessor(
            exporter: exporter, configuration: .init(maximumQueueSize: 100, maximumBatchSize: 4))
        for index in 0..<10 { processor.onEnd(span("s\(index)")) }
        #expect(processor.statistics.queued == 10)
        await processor.forceFlush()
        #expect(exporter.batches.map(\.count) == [4, 4, 2])
        #expect(exporter.spans.map(\.name) == (0..<10).map { "s\($0)" })
        #expect(processor.statistics == .init(queued: 0, exported: 10, dropped: 0, failed: 0))
    }

    @Test func aFullQueueDropsAndCounts() async {
        let exporter = InMemorySpanExporter()
        let processor = BatchSpanProcessor(
            exporter: exporter, configuration: .init(maximumQueueSize: 5, maximumBatchSize: 5))
        for index in 0..<8 { processor.onEnd(span("s\(index)")) }
        #expect(processor.statistics.dropped == 3)
        await processor.forceFlush()
        #expect(exporter.spans.map(\.name) == ["s0", "s1", "s2", "s3", "s4"])
        processor.onEnd(span("after"))
        #expect(processor.statistics.queued == 1)
    }

    @Test func shutdownFlushesThenRefusesSpans() async {
        let exporter = InMemorySpanExporter()
        let processor = BatchSpanProcessor(exporter: exporter)
        processor.onEnd(span("last words"))
        await processor.shutdown()
        #expect(exporter.spans.map(\.name) == ["last words"])
        #expect(exporter.isShutdown)
        processor.onEnd(span("too late"))
        await processor.shutdown()
        #expect(exporter.spans.count == 1)
        #expect(processor.statistics.dropped == 1)
    }

    @Test func failedExportsAreCounted() async {
        let processor = BatchSpanProcessor(exporter: FailingSpanExporter(), configuration: .init(maximumBatchSize: 2))
        for index in 0..<3 { processor.onEnd(span("s\(index)")) }
        await processor.forceFlush()
        #expect(processor.statistics.failed == 3)
        #expect(processor.statistics.exported == 0)
    }

    @Test func runningExportsAFullBatchWithoutWaitingForTheDelay() async throws {
        let exporter = InMemorySpanExporter()
        let processor = BatchSpanProcessor(
            exporter: exporter, configuration: .init(maximumQueueSize: 100, maximumBatchSize: 3, scheduleDelay: .seconds(600)))
        let running = Task { try await processor.run() }
        for index in 0..<3 { processor.onEnd(span("s\(index)")) }
        #expect(await eventually { exporter.spans.count == 3 })
        #expect(exporter.batches.map(\.count) == [3])
        running.cancel()
        try await running.value
    }

    @Test func runningExportsAPartialBatchAfterTheDelay() async throws {
        let exporter = InMemorySpanExporter()
        let processor = BatchSpanProcessor(
            exporter: exporter, configuration: .init(maximumBatchSize: 100, scheduleDelay: .milliseconds(50)))
        let running = Task { try await processor.run() }
        processor.onEnd(span("lonely"))
        #expect(await eventually { exporter.spans.count == 1 })
        running.cancel()
        try await running.value
    }

    @Test func cancellingRunFlushesWhatIsQueued() async throws {
        let exporter = InMemorySpanExporter()
        let processor = BatchSpanProcessor(
            exporter: exporter, configuration: .init(maximumBatchSize: 100, scheduleDelay: .seconds(600)))
        let running = Task { try await processor.run() }
        processor.onEnd(span("queued"))
        running.cancel()
        try await running.value
        #expect(exporter.spans.map(\.name) == ["queued"])
        #expect(exporter.isShutdown)
    }

    @Test func runsInAServiceGroup() async throws {
        let exporter = InMemorySpanExporter()
        let processor = BatchSpanProcessor(exporter: exporter, configuration: .init(scheduleDelay: .seconds(600)))
        let tracer = Tracer(processor: processor)
        let group = ServiceGroup(
            services: [processor], gracefulShutdownSignals: [], logger: Logger(label: "tracing", handler: InMemoryLogHandler()))
        let running = Task { try await group.run() }
        tracer.startSpan("chat", parent: nil).end()
        group.triggerGracefulShutdown()
        try await running.value
        #expect(exporter.spans.map(\.name) == ["chat"])
    }

    @Test func concurrentEndsAreAllCounted() async {
        let exporter = InMemorySpanExporter()
        let processor = BatchSpanProcessor(
            exporter: exporter, configuration: .init(maximumQueueSize: 1_000, maximumBatchSize: 64))
        let tracer = Tracer(processor: processor)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    for _ in 0..<200 { tracer.startSpan("s", parent: nil).end() }
                }
            }
        }
        await processor.forceFlush()
        let statistics = processor.statistics
        #expect(statistics.exported + statistics.dropped == 1_600)
        #expect(exporter.spans.count == statistics.exported)
        #expect(exporter.batches.allSatisfy { $0.count <= 64 })
    }
}

/// Waits, polling, until the condition holds or ten seconds pass.
func eventually(_ condition: @Sendable () async -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + .seconds(60)
    while ContinuousClock.now < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return await condition()
}
