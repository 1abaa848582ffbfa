/// A `coordination.k8s.io/v1` Lease, as leader election uses it.
public struct Lease: Codable, Sendable, Hashable {
    public var apiVersion: String = Lease.apiVersion
    public var kind: String = Lease.kind
    public var metadata: ObjectMeta
    public var spec: LeaseSpec?

    public init(metadata: ObjectMeta = ObjectMeta(), spec: LeaseSpec? = nil) {
        self.metadata = metadata
        self.spec = spec
    }

    private enum CodingKeys: String, CodingKey {
        case apiVersion, kind, metadata, spec
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.apiVersion = try container.decodeIfPresent(String.self, forKey: .apiVersion) ?? Lease.apiVersion
        self.kind = try container.decodeIfPresent(String.self, forKey: .kind) ?? Lease.kind
        self.metadata = try container.decodeIfPresent(ObjectMeta.self, forKey: .metadata) ?? ObjectMeta()
        self.spec = try container.decodeIfPresent(LeaseSpec.self, forKey: .spec)
    }
}

extension Lease: KubernetesObject {
    public static let resource = GroupVersionResource(group: "coordination.k8s.io", version: "v1", resource: "leases")
    public static let kind = "Lease"
    public static let isNamespaced = true
}
