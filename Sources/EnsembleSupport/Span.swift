import Synchronization

/// One timed operation of a trace. Safe to use from any task; ending it hands a snapshot to the tracer's processor.
///
/// A span that was not sampled is non-recording: it still carries a context to propagate, but ignores changes
/// and is never exported.
public final class Span: Sendable {
    public let name: String
    public let kind: SpanKind
    public let context: SpanContext
    /// Nil for the root span of a trace.
    public let parentSpanID: SpanID?
    public let startTimeUnixNano: UInt64

    private let processor: (any SpanProcessor)?
    private let limits: SpanLimits
    private let clock: @Sendable () -> UInt64
    private let state: Mutex<State>

    private struct State {
        var attributes: [String: SpanAttribute]
        var events: [SpanEvent] = []
        var status: SpanStatus = .unset
        var endTimeUnixNano: UInt64?
        var droppedAttributesCount = 0
        var droppedEventsCount = 0
    }

    /// Spans are made by `Tracer.startSpan`; a nil processor makes the span non-recording.
    init(
        name: String, kind: SpanKind, context: SpanContext, parentSpanID: SpanID?, attributes: [String: SpanAttribute],
        processor: (any SpanProcessor)?, limits: SpanLimits, clock: @escaping @Sendable () -> UInt64
    ) {
        self.name = name
        self.kind = kind
        self.context = context
        self.parentSpanID = parentSpanID
        self.processor = processor
        self.limits = limits
        self.clock = clock
        self.startTimeUnixNano = clock()
        var state = State(attributes: [:])
        for (key, value) in attributes { Self.set(key, value, in: &state, limits: limits) }
        self.state = Mutex(state)
    }

    /// Whether changes are kept: true for a sampled span until it ends.
    public var isRecording: Bool {
        processor != nil && state.withLock { $0.endTimeUnixNano == nil }
    }

    public var isEnded: Bool { state.withLock { $0.endTimeUnixNano != nil } }

    public var attributes: [String: SpanAttribute] { state.withLock { $0.attributes } }
    public var events: [SpanEvent] { state.withLock { $0.events } }
    public var status: SpanStatus { state.withLock { $0.status } }
    public var endTimeUnixNano: UInt64? { state.withLock { $0.endTimeUnixNano } }

    public func setAttribute(_ key: String, _ value: SpanAttribute) {
        mutate { Self.set(key, value, in: &$0, limits: limits) }
    }

    public func setAttributes(_ attributes: [String: SpanAttribute]) {
        mutate { state in
            for (key, value) in attributes { Self.set(key, value, in: &state, limits: limits) }
        }
    }

    public func addEvent(_ name: String, attributes: [String: SpanAttribute] = [:], timeUnixNano: UInt64? = nil) {
        guard processor != nil else { return }
        let event = SpanEvent(name: name, timeUnixNano: timeUnixNano ?? clock(), attributes: attributes)
        mutate { state in
            if state.events.count < limits.maximumEvents {
                state.events.append(event)
            } else {
                state.droppedEventsCount += 1
            }
        }
    }

    /// Sets the status as OpenTelemetry prescribes: `ok` is final, and `unset` never replaces another status.
    public func setStatus(_ status: SpanStatus) {
        mutate { state in
            guard status != .unset, state.status != .ok else { return }
            state.status = status
        }
    }

    /// Marks the span failed and adds an `exception` event naming the error's type and description.
    public func recordError(_ error: any Error) {
        let message = String(describing: error)
        addEvent(
            "exception",
            attributes: ["exception.type": .string(String(reflecting: type(of: error))), "exception.message": .string(message)])
        setStatus(.error(message: message))
    }

    /// Ends the span and hands it to the processor; later calls do nothing.
    public func end(timeUnixNano: UInt64? = nil) {
        let endTime = timeUnixNano ?? clock()
        let finished: SpanData? = state.withLock { state in
            guard state.endTimeUnixNano == nil else { return nil }
            state.endTimeUnixNano = max(endTime, startTimeUnixNano)
            guard processor != nil else { return nil }
            return SpanData(
                name: name, kind: kind, context: context, parentSpanID: parentSpanID,
                startTimeUnixNano: startTimeUnixNano, endTimeUnixNano: max(endTime, startTimeUnixNano),
                attributes: state.attributes, events: state.events, status: state.status,
                droppedAttributesCount: state.droppedAttributesCount, droppedEventsCount: state.droppedEventsCount)
        }
        if let finished, let processor { processor.onEnd(finished) }
    }

    private func mutate(_ change: (inout State) -> Void) {
        guard processor != nil else { return }
        state.withLock { state in
            guard state.endTimeUnixNano == nil else { return }
            change(&state)
        }
    }

    private static func set(_ key: String, _ value: SpanAttribute, in state: inout State, limits: SpanLimits) {
        if state.attributes[key] != nil || state.attributes.count < limits.maximumAttributes {
            state.attributes[key] = value
        } else {
            state.droppedAttributesCount += 1
        }
    }
}
