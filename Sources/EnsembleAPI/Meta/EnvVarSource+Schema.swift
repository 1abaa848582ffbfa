import KubeCore

/// Only `secretKeyRef` and `configMapKeyRef` are part of the Ensemble API; `fieldRef` and `resourceFieldRef` are
/// not declared, so the API server prunes them.
extension KubeCore.EnvVarSource: SchemaDescribed {
    public static let crossFieldRules: [CrossFieldRule<EnvVarSource>] = [
        CrossFieldRule(
            cel: "has(self.secretKeyRef) != has(self.configMapKeyRef)",
            message: "exactly one of secretKeyRef and configMapKeyRef must be set",
            holds: { ($0.secretKeyRef != nil) != ($0.configMapKeyRef != nil) })
    ]

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
