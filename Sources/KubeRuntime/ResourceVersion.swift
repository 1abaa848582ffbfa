/// Ordering of resourceVersions. They are opaque to clients, but every API server in practice (etcd revisions)
/// issues decimal integers that grow; when one of two versions is not such a number, only equality is known.
public enum ResourceVersion {
    /// Whether `candidate` is known to be newer than `reference`, or cannot be ordered and differs from it.
    public static func isNewer(_ candidate: String, than reference: String) -> Bool {
        if let candidateNumber = UInt64(candidate), let referenceNumber = UInt64(reference) {
            return candidateNumber > referenceNumber
        }
        return candidate != reference
    }
}
