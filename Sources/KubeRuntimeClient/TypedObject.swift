import KubeCore
import KubeRuntime

/// A typed Kubernetes object as the runtime caches it: the object itself, with its metadata read for the runtime.
public struct TypedObject<Object: KubernetesObject>: RuntimeObject, Hashable {
    public var object: Object

    public init(_ object: Object) {
        self.object = object
    }

    public var namespace: String? { object.metadata.namespace }
    public var name: String { object.metadata.name ?? "" }
    public var uid: String { object.metadata.uid ?? "" }
    public var resourceVersion: String { object.metadata.resourceVersion ?? "" }
    public var labels: [String: String] { object.metadata.labels ?? [:] }
    public var ownerReferences: [KubeRuntime.OwnerReference] {
        (object.metadata.ownerReferences ?? []).map(KubeRuntime.OwnerReference.init)
    }
}
