/// Where an object is stored: its resource (group and plural, shared by every version) plus namespace and name.
struct ObjectKey: Hashable, Comparable, Sendable {
    let namespace: String
    let name: String

    static func < (lhs: ObjectKey, rhs: ObjectKey) -> Bool {
        (lhs.namespace, lhs.name) < (rhs.namespace, rhs.name)
    }
}

extension ResourceType {
    /// The storage name shared by all versions of the resource.
    var storage: String { qualifiedName }
    /// The key in the registry: group/version/plural.
    var registryKey: String { "\(group)/\(version)/\(plural)" }
}
