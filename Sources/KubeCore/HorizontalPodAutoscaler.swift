/// An `autoscaling/v2` HorizontalPodAutoscaler.
public struct HorizontalPodAutoscaler: Codable, Sendable, Hashable {
    public var apiVersion: String = HorizontalPodAutoscaler.apiVersion
    public var kind: String = HorizontalPodAutoscaler.kind
    public var metadata: ObjectMeta
    public var spec: HorizontalPodAutoscalerSpec?
    public var status: HorizontalPodAutoscalerStatus?

    public init(
        metadata: ObjectMeta = ObjectMeta(), spec: HorizontalPodAutoscalerSpec? = nil,
        status: HorizontalPodAutoscalerStatus? = nil
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
        self.apiVersion = try container.decodeIfPresent(String.self, forKey: .apiVersion) ?? HorizontalPodAutoscaler.apiVersion
        self.kind = try container.decodeIfPresent(String.self, forKey: .kind) ?? HorizontalPodAutoscaler.kind
        self.metadata = try container.decodeIfPresent(ObjectMeta.self, forKey: .metadata) ?? ObjectMeta()
        self.spec = try container.decodeIfPresent(HorizontalPodAutoscalerSpec.self, forKey: .spec)
        self.status = try container.decodeIfPresent(HorizontalPodAutoscalerStatus.self, forKey: .status)
    }
}

extension HorizontalPodAutoscaler: KubernetesObject {
    public static let resource = GroupVersionResource(group: "autoscaling", version: "v2", resource: "horizontalpodautoscalers")
    public static let kind = "HorizontalPodAutoscaler"
    public static let isNamespaced = true
}
