/// A `policy/v1` PodDisruptionBudget.
public struct PodDisruptionBudget: Codable, Sendable, Hashable {
    public var apiVersion: String = PodDisruptionBudget.apiVersion
    public var kind: String = PodDisruptionBudget.kind
    public var metadata: ObjectMeta
    public var spec: PodDisruptionBudgetSpec?
    public var status: PodDisruptionBudgetStatus?

    public init(
        metadata: ObjectMeta = ObjectMeta(), spec: PodDisruptionBudgetSpec? = nil,
        status: PodDisruptionBudgetStatus? = nil
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
        self.apiVersion = try container.decodeIfPresent(String.self, forKey: .apiVersion) ?? PodDisruptionBudget.apiVersion
        self.kind = try container.decodeIfPresent(String.self, forKey: .kind) ?? PodDisruptionBudget.kind
        self.metadata = try container.decodeIfPresent(ObjectMeta.self, forKey: .metadata) ?? ObjectMeta()
        self.spec = try container.decodeIfPresent(PodDisruptionBudgetSpec.self, forKey: .spec)
        self.status = try container.decodeIfPresent(PodDisruptionBudgetStatus.self, forKey: .status)
    }
}

extension PodDisruptionBudget: KubernetesObject {
    public static let resource = GroupVersionResource(group: "policy", version: "v1", resource: "poddisruptionbudgets")
    public static let kind = "PodDisruptionBudget"
    public static let isNamespaced = true
}
