/// Where conversations live between messages, and for how long.
public struct SessionSettings: Sendable, Hashable, Codable {
    public var store: SessionStoreKind?
    public var redis: RedisSettings?
    public var ttlSeconds: Int32?

    public init(store: SessionStoreKind? = nil, redis: RedisSettings? = nil, ttlSeconds: Int32? = nil) {
        self.store = store
        self.redis = redis
        self.ttlSeconds = ttlSeconds
    }

    public static let defaultStore = SessionStoreKind.embedded
    public static let defaultTTLSeconds: Int32 = 86_400

    func defaulted() -> SessionSettings {
        SessionSettings(store: store ?? Self.defaultStore, redis: redis, ttlSeconds: ttlSeconds ?? Self.defaultTTLSeconds)
    }

    public static let crossFieldRules: [CrossFieldRule<SessionSettings>] = [
        CrossFieldRule(
            cel: "has(self.redis) == (has(self.store) && self.store == 'redis')",
            message: "redis must be set exactly when store is redis",
            fieldPath: ".redis",
            holds: { ($0.redis != nil) == ($0.store == .redis) })
    ]
}

extension SessionSettings: SchemaDescribed {
    public static var schema: Schema {
        .object(
            "Where conversations are kept between messages, so that any runner replica can continue them.",
            properties: [
                "store": .enumeration(
                    SessionStoreKind.self,
                    "embedded: an SQLite file in the runner pod, for a single replica (sessions are lost when the pod is replaced). redis: a Redis server shared by all replicas; required with more than one replica or with autoscaling."
                ).defaulting(to: .string(defaultStore.rawValue)),
                "redis": .field(RedisSettings.self, "The Redis server; required when store is redis."),
                "ttlSeconds": .int32("How long a session is kept after its last message.")
                    .range(60...31_536_000).defaulting(to: .integer(Int64(defaultTTLSeconds))),
            ]
        ).validated(by: crossFieldRules)
    }
}
