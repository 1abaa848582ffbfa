/// Linux capabilities added to or dropped from a container.
public struct Capabilities: Codable, Sendable, Hashable {
    public var add: [String]?
    public var drop: [String]?

    public init(add: [String]? = nil, drop: [String]? = nil) {
        self.add = add
        self.drop = drop
    }
}
