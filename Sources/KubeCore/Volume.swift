import EnsembleSupport

/// A volume of a pod; sources Ensemble does not use are kept as JSON.
public struct Volume: Codable, Sendable, Hashable {
    public var name: String
    public var emptyDir: EmptyDirVolumeSource?
    public var configMap: ConfigMapVolumeSource?
    public var secret: SecretVolumeSource?
    public var projected: JSONValue?

    public init(
        name: String, emptyDir: EmptyDirVolumeSource? = nil, configMap: ConfigMapVolumeSource? = nil,
        secret: SecretVolumeSource? = nil, projected: JSONValue? = nil
    ) {
        self.name = name
        self.emptyDir = emptyDir
        self.configMap = configMap
        self.secret = secret
        self.projected = projected
    }
}
