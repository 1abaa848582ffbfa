/// What identifies a span across process boundaries: the part of a span that travels in a W3C `traceparent` header.
public struct SpanContext: Sendable, Hashable {
    public var traceID: TraceID
    public var spanID: SpanID
    /// The `sampled` trace flag: whether the span's trace is being recorded and exported.
    public var isSampled: Bool
    /// True when the context was received from another process rather than created here.
    public var isRemote: Bool

    public init(traceID: TraceID, spanID: SpanID, isSampled: Bool, isRemote: Bool = false) {
        self.traceID = traceID
        self.spanID = spanID
        self.isSampled = isSampled
        self.isRemote = isRemote
    }

    /// The span that work in the current task belongs to; set by `Tracer.withSpan`, read as the default parent.
    @TaskLocal public static var current: SpanContext?
}

extension SpanContext {
    /// The HTTP header name of W3C Trace Context.
    public static let traceparentHeaderName = "traceparent"

    private static let sampledFlag: UInt64 = 0x01

    /// Formats the context as version 00 of W3C Trace Context: `00-<trace id>-<span id>-<flags>`.
    public var traceparent: String {
        "00-\(traceID.hex)-\(spanID.hex)-\(isSampled ? "01" : "00")"
    }

    /// Parses a `traceparent` header value; the result is marked remote.
    ///
    /// Rejects malformed values, uppercase hex, all-zero identifiers and version `ff`. A version newer than 00
    /// is read by its version 00 prefix, as the specification asks, provided any extra part starts with `-`.
    public init?(traceparent: String) {
        let utf8 = Array(traceparent.utf8)
        let prefixLength = 55
        guard utf8.count >= prefixLength, let version = LowercaseHex.parse(utf8[0..<2]), version != 0xFF else {
            return nil
        }
        if version == 0 {
            guard utf8.count == prefixLength else { return nil }
        } else if utf8.count > prefixLength, utf8[prefixLength] != UInt8(ascii: "-") {
            return nil
        }
        let dash = UInt8(ascii: "-")
        guard utf8[2] == dash, utf8[35] == dash, utf8[52] == dash,
            let traceHigh = LowercaseHex.parse(utf8[3..<19]), let traceLow = LowercaseHex.parse(utf8[19..<35]),
            let span = LowercaseHex.parse(utf8[36..<52]), let flags = LowercaseHex.parse(utf8[53..<55])
        else { return nil }
        let traceID = TraceID(high: traceHigh, low: traceLow)
        let spanID = SpanID(span)
        guard traceID.isValid, spanID.isValid else { return nil }
        self.init(traceID: traceID, spanID: spanID, isSampled: flags & Self.sampledFlag != 0, isRemote: true)
    }
}
