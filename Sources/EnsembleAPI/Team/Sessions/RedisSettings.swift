import KubeCore

/// The Redis server that holds sessions, budgets and rate limits.
public struct RedisSettings: Sendable, Hashable, Codable {
    public var urlSecretRef: SecretKeySelector
    public var keyPrefix: String?

    public init(urlSecretRef: SecretKeySelector, keyPrefix: String? = nil) {
        self.urlSecretRef = urlSecretRef
        self.keyPrefix = keyPrefix
    }
}

extension RedisSettings: SchemaDescribed {
    public static var schema: Schema {
        .object(
            "The Redis server shared by the runners for sessions, budgets and rate limits.",
            properties: [
                "urlSecretRef": .field(
                    SecretKeySelector.self,
                    "Secret key holding the Redis URL, such as redis://:PASSWORD@redis.cache.svc:6379/0 (rediss:// for TLS). Kept in a Secret because it usually carries a password."
                ),
                "keyPrefix": .string(
                    "Prefix of every key the team writes, so that teams can share one Redis. Defaults to ensemble:NAMESPACE:TEAM:."
                ).pattern("^[A-Za-z0-9_.:/-]+$").maxLength(128),
            ],
            required: ["urlSecretRef"])
    }
}
