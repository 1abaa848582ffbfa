/// How a delete proceeds: what happens to dependents, and which object it must be.
public struct DeleteOptions: Sendable, Hashable, Encodable {
    public enum PropagationPolicy: String, Sendable, Hashable, Encodable {
        case foreground = "Foreground"
        case background = "Background"
        case orphan = "Orphan"
    }

    /// The delete fails with 409 Conflict unless the object still has this uid and resource version.
    public struct Preconditions: Sendable, Hashable, Encodable {
        public var uid: String?
        public var resourceVersion: String?

        public init(uid: String? = nil, resourceVersion: String? = nil) {
            self.uid = uid
            self.resourceVersion = resourceVersion
        }
    }

    public var propagationPolicy: PropagationPolicy?
    public var preconditions: Preconditions?
    public var gracePeriodSeconds: Int64?
    public var dryRun: Bool

    public init(
        propagationPolicy: PropagationPolicy? = nil, preconditions: Preconditions? = nil,
        gracePeriodSeconds: Int64? = nil, dryRun: Bool = false
    ) {
        self.propagationPolicy = propagationPolicy
        self.preconditions = preconditions
        self.gracePeriodSeconds = gracePeriodSeconds
        self.dryRun = dryRun
    }

    private enum CodingKeys: String, CodingKey {
        case apiVersion, kind, propagationPolicy, preconditions, gracePeriodSeconds, dryRun
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("v1", forKey: .apiVersion)
        try container.encode("DeleteOptions", forKey: .kind)
        try container.encodeIfPresent(propagationPolicy, forKey: .propagationPolicy)
        try container.encodeIfPresent(preconditions, forKey: .preconditions)
        try container.encodeIfPresent(gracePeriodSeconds, forKey: .gracePeriodSeconds)
        if dryRun { try container.encode(["All"], forKey: .dryRun) }
    }
}
