/// A named function from an object to the values it is indexed under, as client-go's `Indexers`.
public struct StoreIndex<Object: RuntimeObject>: Sendable {
    public let name: String
    public let values: @Sendable (Object) -> [String]

    public init(name: String, values: @escaping @Sendable (Object) -> [String]) {
        self.name = name
        self.values = values
    }

    public static var byNamespace: StoreIndex {
        StoreIndex(name: "namespace") { object in object.namespace.map { [$0] } ?? [] }
    }

    public static var byOwnerUID: StoreIndex {
        StoreIndex(name: "ownerUID") { object in object.ownerReferences.map(\.uid) }
    }

    /// Values are `key=value`, one per label.
    public static var byLabel: StoreIndex {
        StoreIndex(name: "label") { object in object.labels.map { labelIndexValue(key: $0.key, value: $0.value) } }
    }

    static func labelIndexValue(key: String, value: String) -> String {
        "\(key)=\(value)"
    }
}
