/// The seccomp profile a container runs with (`RuntimeDefault`, `Localhost`, `Unconfined`).
public struct SeccompProfile: Codable, Sendable, Hashable {
    public var `type`: String
    public var localhostProfile: String?

    public init(type: String, localhostProfile: String? = nil) {
        self.type = `type`
        self.localhostProfile = localhostProfile
    }
}
