/// The content of a `Store` at one moment; later changes to the store do not affect it.
public struct StoreSnapshot<Object: RuntimeObject>: Sendable {
    public let objects: [ObjectKey: Object]

    public subscript(key: ObjectKey) -> Object? { objects[key] }

    public var count: Int { objects.count }

    /// The objects ordered by key.
    public var sorted: [Object] {
        objects.sorted { $0.key < $1.key }.map(\.value)
    }
}
