/// How a span's operation ended.
public enum SpanStatus: Sendable, Hashable {
    /// Nothing was said; the default.
    case unset
    /// Explicitly marked successful.
    case ok
    case error(message: String)
}
