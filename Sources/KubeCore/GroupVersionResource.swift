/// Names a collection of objects on the API server, such as `apps/v1` `deployments`.
public struct GroupVersionResource: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Empty for the core group (`v1`).
    public var group: String
    public var version: String
    /// The lower-case plural used in URLs.
    public var resource: String

    public init(group: String, version: String, resource: String) {
        self.group = group
        self.version = version
        self.resource = resource
    }

    /// `v1` for the core group, `group/version` otherwise, as written in `apiVersion`.
    public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }

    /// The path of the collection, in a namespace when given: `/apis/apps/v1/namespaces/ns/deployments`.
    public func path(namespace: String?) -> String {
        let root = group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)"
        guard let namespace else { return "\(root)/\(resource)" }
        return "\(root)/namespaces/\(namespace)/\(resource)"
    }

    public var description: String { group.isEmpty ? "\(resource).\(version)" : "\(resource).\(version).\(group)" }
}
