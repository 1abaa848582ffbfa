/// Repeats of an event folded into one object.
public struct EventSeries: Codable, Sendable, Hashable {
    public var count: Int32
    public var lastObservedTime: MicroTime

    public init(count: Int32, lastObservedTime: MicroTime) {
        self.count = count
        self.lastObservedTime = lastObservedTime
    }
}
