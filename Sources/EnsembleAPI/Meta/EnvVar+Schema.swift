import KubeCore

extension KubeCore.EnvVar: SchemaDescribed {
    /// Variables with this prefix carry the runner's configuration and are set by the operator alone.
    public static let reservedPrefix = "ENSEMBLE_"

    public static let crossFieldRules: [CrossFieldRule<EnvVar>] = [
        CrossFieldRule(
            cel: "!(has(self.value) && has(self.valueFrom))",
            message: "value and valueFrom are mutually exclusive",
            holds: { !($0.value != nil && $0.valueFrom != nil) }),
        CrossFieldRule(
            cel: "!self.name.startsWith('\(reservedPrefix)')",
            message: "names starting with \(reservedPrefix) are reserved for the operator",
            fieldPath: ".name", reason: .fieldValueForbidden,
            holds: { !$0.name.hasPrefix(reservedPrefix) }),
    ]

    func crossFieldViolations(at path: FieldPath) -> [ValidationError] {
        Self.crossFieldRules.violations(by: self, at: path)
            + (valueFrom.map { EnvVarSource.crossFieldRules.violations(by: $0, at: path.child("valueFrom")) } ?? [])
    }

    public static var schema: Schema {
        .object(
            "An environment variable set in the runner container, with a literal value or one read from a Secret or ConfigMap.",
            properties: [
                "name": .string("Name of the variable. Names starting with ENSEMBLE_ are reserved.")
                    .pattern(NamePattern.environmentVariable).maxLength(256),
                "value": .string("Literal value. Never put credentials here: use valueFrom.secretKeyRef.")
                    .maxLength(32768),
                "valueFrom": .field(EnvVarSource.self, "Reads the value from a Secret or ConfigMap key instead."),
            ],
            required: ["name"]
        ).validated(by: crossFieldRules)
    }
}
