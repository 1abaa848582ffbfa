import Foundation

/// Starts spans. A value to pass to the code that traces: tests give it an in-memory exporter, nothing is global.
public struct Tracer: Sendable {
    public let processor: any SpanProcessor
    public let sampler: any Sampler
    public let limits: SpanLimits
    private let clock: @Sendable () -> UInt64

    /// - Parameter clock: the current time in nanoseconds since the Unix epoch.
    public init(
        processor: any SpanProcessor, sampler: any Sampler = .parentBased(root: .alwaysOn), limits: SpanLimits = SpanLimits(),
        clock: @escaping @Sendable () -> UInt64 = Tracer.systemTimeUnixNano
    ) {
        self.processor = processor
        self.sampler = sampler
        self.limits = limits
        self.clock = clock
    }

    /// A tracer that samples nothing: spans still carry contexts to propagate, but nothing is recorded.
    public static var disabled: Tracer {
        Tracer(processor: DiscardingSpanProcessor(), sampler: .alwaysOff)
    }

    /// Starts a span; the caller must `end()` it.
    ///
    /// - Parameter parent: the span this one belongs to; by default the one `withSpan` set for the current task.
    ///   Nil starts a new trace.
    public func startSpan(
        _ name: String, kind: SpanKind = .internal, parent: SpanContext? = SpanContext.current,
        attributes: [String: SpanAttribute] = [:]
    ) -> Span {
        let traceID = parent?.traceID ?? TraceID.random()
        let decision = sampler.shouldSample(
            parent: parent, traceID: traceID, name: name, kind: kind, attributes: attributes)
        let isSampled = decision == .recordAndSample
        let context = SpanContext(traceID: traceID, spanID: SpanID.random(), isSampled: isSampled)
        return Span(
            name: name, kind: kind, context: context, parentSpanID: parent?.spanID, attributes: attributes,
            processor: isSampled ? processor : nil, limits: limits, clock: clock)
    }

    /// Runs `body` inside a new span that is the current one for the task meanwhile (so spans started within
    /// it are its children), and ends the span afterwards. An error thrown by `body` is recorded on the span
    /// (status error and an `exception` event) and rethrown.
    public func withSpan<Result>(
        _ name: String, kind: SpanKind = .internal, parent: SpanContext? = SpanContext.current,
        attributes: [String: SpanAttribute] = [:], isolation: isolated (any Actor)? = #isolation,
        _ body: (Span) async throws -> Result
    ) async rethrows -> Result {
        let span = startSpan(name, kind: kind, parent: parent, attributes: attributes)
        defer { span.end() }
        do {
            return try await SpanContext.$current.withValue(span.context) {
                try await body(span)
            }
        } catch {
            span.recordError(error)
            throw error
        }
    }

    /// The system's real-time clock in nanoseconds since the Unix epoch.
    @Sendable public static func systemTimeUnixNano() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }
}
