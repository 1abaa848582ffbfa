import Synchronization

/// Keeps exported spans in memory for tests to inspect.
public final class InMemorySpanExporter: SpanExporter {
    private let state = Mutex(State())

    private struct State {
        var batches: [[SpanData]] = []
        var isShutdown = false
    }

    public init() {}

    public func export(_ spans: [SpanData]) async throws {
        state.withLock { $0.batches.append(spans) }
    }

    public func shutdown() async {
        state.withLock { $0.isShutdown = true }
    }

    /// Every span exported so far, in order.
    public var spans: [SpanData] { state.withLock { $0.batches.flatMap { $0 } } }

    /// The batches as they were handed over.
    public var batches: [[SpanData]] { state.withLock { $0.batches } }

    public var isShutdown: Bool { state.withLock { $0.isShutdown } }

    public func span(named name: String) -> SpanData? {
        spans.first { $0.name == name }
    }

    public func reset() {
        state.withLock { $0.batches.removeAll() }
    }
}
