/// Where runners keep conversations between messages.
public enum SessionStoreKind: String, SchemaEnumeration {
    /// An SQLite file inside the runner pod: for a single replica.
    case embedded
    /// A Redis server shared by all replicas.
    case redis
}
