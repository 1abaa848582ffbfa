/// An ended span as processors and exporters receive it: an immutable snapshot.
public struct SpanData: Sendable, Hashable {
    public var name: String
    public var kind: SpanKind
    public var context: SpanContext
    /// Nil for the root span of a trace.
    public var parentSpanID: SpanID?
    public var startTimeUnixNano: UInt64
    public var endTimeUnixNano: UInt64
    public var attributes: [String: SpanAttribute]
    public var events: [SpanEvent]
    public var status: SpanStatus
    /// Attributes and events refused because the span had reached its `SpanLimits`.
    public var droppedAttributesCount: Int
    public var droppedEventsCount: Int

    public init(
        name: String, kind: SpanKind, context: SpanContext, parentSpanID: SpanID?, startTimeUnixNano: UInt64,
        endTimeUnixNano: UInt64, attributes: [String: SpanAttribute] = [:], events: [SpanEvent] = [],
        status: SpanStatus = .unset, droppedAttributesCount: Int = 0, droppedEventsCount: Int = 0
    ) {
        self.name = name
        self.kind = kind
        self.context = context
        self.parentSpanID = parentSpanID
        self.startTimeUnixNano = startTimeUnixNano
        self.endTimeUnixNano = endTimeUnixNano
        self.attributes = attributes
        self.events = events
        self.status = status
        self.droppedAttributesCount = droppedAttributesCount
        self.droppedEventsCount = droppedEventsCount
    }
}
