/// Names an object in the same namespace.
public struct LocalObjectReference: Codable, Sendable, Hashable {
    public var name: String?

    public init(name: String? = nil) {
        self.name = name
    }
}
