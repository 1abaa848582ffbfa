import EnsembleSupport

/// Where an environment variable's value comes from.
public struct EnvVarSource: Codable, Sendable, Hashable {
    public var secretKeyRef: SecretKeySelector?
    public var configMapKeyRef: ConfigMapKeySelector?
    public var fieldRef: ObjectFieldSelector?
    public var resourceFieldRef: JSONValue?

    public init(
        secretKeyRef: SecretKeySelector? = nil, configMapKeyRef: ConfigMapKeySelector? = nil,
        fieldRef: ObjectFieldSelector? = nil, resourceFieldRef: JSONValue? = nil
    ) {
        self.secretKeyRef = secretKeyRef
        self.configMapKeyRef = configMapKeyRef
        self.fieldRef = fieldRef
        self.resourceFieldRef = resourceFieldRef
    }
}
