/// The part of a Kubernetes ownerReference the runtime needs to route a child's events to its owner.
public struct OwnerReference: Hashable, Sendable {
    public var apiVersion: String
    public var kind: String
    public var name: String
    public var uid: String
    /// Whether this owner is the managing controller; at most one owner of an object is.
    public var controller: Bool

    public init(apiVersion: String, kind: String, name: String, uid: String, controller: Bool = false) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.name = name
        self.uid = uid
        self.controller = controller
    }

    /// The API group of `apiVersion` (`apps` for `apps/v1`, empty for the core group's `v1`).
    public var group: String {
        guard let slash = apiVersion.firstIndex(of: "/") else { return "" }
        return String(apiVersion[..<slash])
    }
}
