/// A `apps/v1` Deployment.
public struct Deployment: Codable, Sendable, Hashable {
    public var apiVersion: String = Deployment.apiVersion
    public var kind: String = Deployment.kind
    public var metadata: ObjectMeta
    public var spec: DeploymentSpec?
    public var status: DeploymentStatus?

    public init(
        metadata: ObjectMeta = ObjectMeta(), spec: DeploymentSpec? = nil, status: DeploymentStatus? = nil
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
        self.apiVersion = try container.decodeIfPresent(String.self, forKey: .apiVersion) ?? Deployment.apiVersion
        self.kind = try container.decodeIfPresent(String.self, forKey: .kind) ?? Deployment.kind
        self.metadata = try container.decodeIfPresent(ObjectMeta.self, forKey: .metadata) ?? ObjectMeta()
        self.spec = try container.decodeIfPresent(DeploymentSpec.self, forKey: .spec)
        self.status = try container.decodeIfPresent(DeploymentStatus.self, forKey: .status)
    }
}

extension Deployment: KubernetesObject {
    public static let resource = GroupVersionResource(group: "apps", version: "v1", resource: "deployments")
    public static let kind = "Deployment"
    public static let isNamespaced = true
}
