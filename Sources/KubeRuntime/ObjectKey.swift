/// Identifies an object within a resource: its namespace (nil for cluster-scoped objects) and name.
public struct ObjectKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var namespace: String?
    public var name: String

    public init(namespace: String?, name: String) {
        self.namespace = namespace
        self.name = name
    }

    /// `namespace/name`, or just `name` for cluster-scoped objects, as client-go's cache keys read.
    public var description: String {
        namespace.map { "\($0)/\(name)" } ?? name
    }

    public static func < (lhs: ObjectKey, rhs: ObjectKey) -> Bool {
        (lhs.namespace ?? "", lhs.name) < (rhs.namespace ?? "", rhs.name)
    }
}
