import Foundation

/// A `v1` Secret. `data` values are base64 as on the wire; `decodedData(forKey:)` reads one.
public struct Secret: Codable, Sendable, Hashable {
    public var apiVersion: String = Secret.apiVersion
    public var kind: String = Secret.kind
    public var metadata: ObjectMeta
    /// Base64-encoded values.
    public var data: [String: String]?
    /// Plain values the server merges into `data` on write; never returned.
    public var stringData: [String: String]?
    public var `type`: String?
    public var immutable: Bool?

    public init(
        metadata: ObjectMeta = ObjectMeta(), data: [String: String]? = nil, stringData: [String: String]? = nil,
        type: String? = nil, immutable: Bool? = nil
    ) {
        self.metadata = metadata
        self.data = data
        self.stringData = stringData
        self.type = `type`
        self.immutable = immutable
    }

    private enum CodingKeys: String, CodingKey {
        case apiVersion, kind, metadata, data, stringData, `type`, immutable
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.apiVersion = try container.decodeIfPresent(String.self, forKey: .apiVersion) ?? Secret.apiVersion
        self.kind = try container.decodeIfPresent(String.self, forKey: .kind) ?? Secret.kind
        self.metadata = try container.decodeIfPresent(ObjectMeta.self, forKey: .metadata) ?? ObjectMeta()
        self.data = try container.decodeIfPresent([String: String].self, forKey: .data)
        self.stringData = try container.decodeIfPresent([String: String].self, forKey: .stringData)
        self.type = try container.decodeIfPresent(String.self, forKey: .type)
        self.immutable = try container.decodeIfPresent(Bool.self, forKey: .immutable)
    }


    /// The bytes of `data[key]`, or nil when the key is missing or not valid base64.
    public func decodedData(forKey key: String) -> Data? {
        data?[key].flatMap { Data(base64Encoded: $0) }
    }
}

extension Secret: KubernetesObject {
    public static let resource = GroupVersionResource(group: "", version: "v1", resource: "secrets")
    public static let kind = "Secret"
    public static let isNamespaced = true
}
