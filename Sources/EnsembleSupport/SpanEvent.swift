/// Something that happened at one instant during a span, such as an exception.
public struct SpanEvent: Sendable, Hashable {
    public var name: String
    public var timeUnixNano: UInt64
    public var attributes: [String: SpanAttribute]

    public init(name: String, timeUnixNano: UInt64, attributes: [String: SpanAttribute] = [:]) {
        self.name = name
        self.timeUnixNano = timeUnixNano
        self.attributes = attributes
    }
}
