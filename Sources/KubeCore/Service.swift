/// A `v1` Service.
public struct Service: Codable, Sendable, Hashable {
    public var apiVersion: String = Service.apiVersion
    public var kind: String = Service.kind
    public var metadata: ObjectMeta
    public var spec: ServiceSpec?
    public var status: ServiceStatus?

    public init(
        metadata: ObjectMeta = ObjectMeta(), spec: ServiceSpec? = nil, status: ServiceStatus? = nil
    ) {
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }

    private enum CodingKeys: String, CodingKey {
        case apiVersion, kind, metadata, spec, status
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.apiVersion = try container.decodeIfPresent(String.self, forKey: .apiVersion) ?? Service.apiVersion
        self.kind = try container.decodeIfPresent(String.self, forKey: .kind) ?? Service.kind
        self.metadata = try container.decodeIfPresent(ObjectMeta.self, forKey: .metadata) ?? ObjectMeta()
        self.spec = try container.decodeIfPresent(ServiceSpec.self, forKey: .spec)
        self.status = try container.decodeIfPresent(ServiceStatus.self, forKey: .status)
    }
}

extension Service: KubernetesObject {
    public static let resource = GroupVersionResource(group: "", version: "v1", resource: "services")
    public static let kind = "Service"
    public static let isNamespaced = true
}
