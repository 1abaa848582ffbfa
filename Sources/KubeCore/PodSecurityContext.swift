/// Security settings for every container of a pod.
public struct PodSecurityContext: Codable, Sendable, Hashable {
    public var runAsUser: Int64?
    public var runAsGroup: Int64?
    public var runAsNonRoot: Bool?
    public var fsGroup: Int64?
    public var supplementalGroups: [Int64]?
    public var seccompProfile: SeccompProfile?

    public init(
        runAsUser: Int64? = nil, runAsGroup: Int64? = nil, runAsNonRoot: Bool? = nil, fsGroup: Int64? = nil,
        supplementalGroups: [Int64]? = nil, seccompProfile: SeccompProfile? = nil
    ) {
        self.runAsUser = runAsUser
        self.runAsGroup = runAsGroup
        self.runAsNonRoot = runAsNonRoot
        self.fsGroup = fsGroup
        self.supplementalGroups = supplementalGroups
        self.seccompProfile = seccompProfile
    }
}
