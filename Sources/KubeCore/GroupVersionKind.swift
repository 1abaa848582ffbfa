/// Names a type of object, such as `apps/v1` `Deployment`.
public struct GroupVersionKind: Sendable, Hashable, Codable, CustomStringConvertible {
    public var group: String
    public var version: String
    public var kind: String

    public init(group: String, version: String, kind: String) {
        self.group = group
        self.version = version
        self.kind = kind
    }

    /// Splits an `apiVersion` such as `apps/v1` or `v1`.
    public init(apiVersion: String, kind: String) {
        let parts = apiVersion.split(separator: "/", maxSplits: 1).map(String.init)
        self.init(group: parts.count == 2 ? parts[0] : "", version: parts.last ?? "", kind: kind)
    }

    public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }

    public var description: String { "\(apiVersion), Kind=\(kind)" }
}
