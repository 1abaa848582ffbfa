import EnsembleSupport

/// W3C Trace Context propagation through the `traceparent` header.
extension HTTPHeaders {
    /// The span context a caller sent; nil when the header is absent, repeated or malformed.
    public var traceContext: SpanContext? {
        let values = values(for: SpanContext.traceparentHeaderName)
        guard values.count == 1 else { return nil }
        return SpanContext(traceparent: values[0].trimmingCharacters(in: .whitespaces))
    }

    /// Sets `traceparent` so that the receiver's spans join the context's trace.
    public mutating func setTraceContext(_ context: SpanContext) {
        replaceOrAdd(name: SpanContext.traceparentHeaderName, value: context.traceparent)
    }
}

extension HTTPClientRequest {
    /// Propagates the context (by default, the current task's span) to the server called.
    public mutating func setTraceContext(_ context: SpanContext? = SpanContext.current) {
        guard let context else { return }
        headers.setTraceContext(context)
    }
}

extension HTTPServerRequest {
    /// The caller's span context, to use as the parent of the span handling the request.
    public var traceContext: SpanContext? { headers.traceContext }
}
