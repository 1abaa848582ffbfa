/// Where an environment variable's value comes from: exactly one of a Secret key or a ConfigMap key.
public struct EnvVarSource: Sendable, Hashable, Codable {
    public var secretKeyRef: SecretKeySelector?
    public var configMapKeyRef: ConfigMapKeySelector?

    public init(secretKeyRef: SecretKeySelector? = nil, configMapKeyRef: ConfigMapKeySelector? = nil) {
        self.secretKeyRef = secretKeyRef
        self.configMapKeyRef = configMapKeyRef
    }

    public static let crossFieldRules: [CrossFieldRule<EnvVarSource>] = [
        CrossFieldRule(
            cel: "has(self.secretKeyRef) != has(self.configMapKeyRef)",
            message: "exactly one of secretKeyRef and configMapKeyRef must be set",
            holds: { ($0.secretKeyRef != nil) != ($0.configMapKeyRef != nil) })
    ]
}

extension EnvVarSource: SchemaDescribed {
    public static var schema: Schema {
        .object(
            "Where the variable's value comes from: exactly one of secretKeyRef and configMapKeyRef.",
            properties: [
                "secretKeyRef": .field(SecretKeySelector.self, "A key of a Secret in the team's namespace."),
                "configMapKeyRef": .field(ConfigMapKeySelector.self, "A key of a ConfigMap in the team's namespace."),
            ]
        ).validated(by: crossFieldRules)
    }
}
