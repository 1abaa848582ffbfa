/// A Kubernetes object of a known type: what the typed client reads and writes.
public protocol KubernetesObject: Codable, Sendable, Hashable {
    /// Where objects of this type are served.
    static var resource: GroupVersionResource { get }
    static var kind: String { get }
    static var isNamespaced: Bool { get }

    var apiVersion: String { get set }
    var kind: String { get set }
    var metadata: ObjectMeta { get set }
}

extension KubernetesObject {
    public static var apiVersion: String { resource.apiVersion }
    public static var groupVersionKind: GroupVersionKind {
        GroupVersionKind(group: resource.group, version: resource.version, kind: kind)
    }
}
