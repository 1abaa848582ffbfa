/// What the runtime reads from a Kubernetes object's metadata; typed objects conform by forwarding to their ObjectMeta.
public protocol RuntimeObject: Sendable {
    var namespace: String? { get }
    var name: String { get }
    var uid: String { get }
    var resourceVersion: String { get }
    var labels: [String: String] { get }
    var ownerReferences: [OwnerReference] { get }
}

extension RuntimeObject {
    public var key: ObjectKey { ObjectKey(namespace: namespace, name: name) }

    /// The owner reference marked `controller`, if any.
    public var controllerOwner: OwnerReference? {
        ownerReferences.first { $0.controller }
    }
}
