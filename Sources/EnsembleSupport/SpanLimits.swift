/// Bounds on what one span holds, so that a long-running span cannot grow without limit.
public struct SpanLimits: Sendable, Hashable {
    /// Distinct attribute keys per span; new keys beyond it are dropped (and counted), existing ones still update.
    public var maximumAttributes: Int
    /// Events per span; later ones are dropped and counted.
    public var maximumEvents: Int

    public init(maximumAttributes: Int = 128, maximumEvents: Int = 128) {
        self.maximumAttributes = maximumAttributes
        self.maximumEvents = maximumEvents
    }
}
