/// A `v1` ConfigMap.
public struct ConfigMap: Codable, Sendable, Hashable {
    public var apiVersion: String = ConfigMap.apiVersion
    public var kind: String = ConfigMap.kind
    public var metadata: ObjectMeta
    public var data: [String: String]?
    /// Base64-encoded values.
    public var binaryData: [String: String]?
    public var immutable: Bool?

    public init(
        metadata: ObjectMeta = ObjectMeta(), data: [String: String]? = nil, binaryData: [String: String]? = nil,
        immutable: Bool? = nil
    ) {
        self.metadata = metadata
        self.data = data
        self.binaryData = binaryData
        self.immutable = immutable
    }

    private enum CodingKeys: String, CodingKey {
        case apiVersion, kind, metadata, data, binaryData, immutable
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.apiVersion = try container.decodeIfPresent(String.self, forKey: .apiVersion) ?? ConfigMap.apiVersion
        self.kind = try container.decodeIfPresent(String.self, forKey: .kind) ?? ConfigMap.kind
        self.metadata = try container.decodeIfPresent(ObjectMeta.self, forKey: .metadata) ?? ObjectMeta()
        self.data = try container.decodeIfPresent([String: String].self, forKey: .data)
        self.binaryData = try container.decodeIfPresent([String: String].self, forKey: .binaryData)
        self.immutable = try container.decodeIfPresent(Bool.self, forKey: .immutable)
    }
}

extension ConfigMap: KubernetesObject {
    public static let resource = GroupVersionResource(group: "", version: "v1", resource: "configmaps")
    public static let kind = "ConfigMap"
    public static let isNamespaced = true
}
