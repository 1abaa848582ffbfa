/// A `v1` ServiceAccount.
public struct ServiceAccount: Codable, Sendable, Hashable {
    public var apiVersion: String = ServiceAccount.apiVersion
    public var kind: String = ServiceAccount.kind
    public var metadata: ObjectMeta
    public var secrets: [ObjectReference]?
    public var imagePullSecrets: [LocalObjectReference]?
    public var automountServiceAccountToken: Bool?

    public init(
        metadata: ObjectMeta = ObjectMeta(), secrets: [ObjectReference]? = nil,
        imagePullSecrets: [LocalObjectReference]? = nil, automountServiceAccountToken: Bool? = nil
    ) {
        self.metadata = metadata
        self.secrets = secrets
        self.imagePullSecrets = imagePullSecrets
        self.automountServiceAccountToken = automountServiceAccountToken
    }

    private enum CodingKeys: String, CodingKey {
        case apiVersion, kind, metadata, secrets, imagePullSecrets, automountServiceAccountToken
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.apiVersion = try container.decodeIfPresent(String.self, forKey: .apiVersion) ?? ServiceAccount.apiVersion
        self.kind = try container.decodeIfPresent(String.self, forKey: .kind) ?? ServiceAccount.kind
        self.metadata = try container.decodeIfPresent(ObjectMeta.self, forKey: .metadata) ?? ObjectMeta()
        self.secrets = try container.decodeIfPresent([ObjectReference].self, forKey: .secrets)
        self.imagePullSecrets = try container.decodeIfPresent([LocalObjectReference].self, forKey: .imagePullSecrets)
        self.automountServiceAccountToken = try container.decodeIfPresent(Bool.self, forKey: .automountServiceAccountToken)
    }
}

extension ServiceAccount: KubernetesObject {
    public static let resource = GroupVersionResource(group: "", version: "v1", resource: "serviceaccounts")
    public static let kind = "ServiceAccount"
    public static let isNamespaced = true
}
