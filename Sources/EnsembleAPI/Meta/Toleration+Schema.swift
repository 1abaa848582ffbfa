import KubeCore

/// KubeCore keeps `operator` and `effect` as strings; the schema limits them to `TolerationOperator` and
/// `TaintEffect`.
extension KubeCore.Toleration: SchemaDescribed {
    public static let crossFieldRules: [CrossFieldRule<Toleration>] = [
        CrossFieldRule(
            cel: "!has(self.operator) || self.operator != 'Exists' || !has(self.value)",
            message: "value must be empty when operator is Exists",
            fieldPath: ".value", reason: .fieldValueForbidden,
            holds: { $0.operator != TolerationOperator.exists.rawValue || $0.value == nil })
    ]

    public static var schema: Schema {
        .object(
            "Lets runner pods schedule onto nodes with a matching taint, as a Pod's tolerations do.",
            properties: [
                "key": .string("Taint key to match; empty with operator Exists matches every taint.")
                    .pattern(NamePattern.qualifiedName).maxLength(316),
                "operator": .enumeration(TolerationOperator.self, "Equal (the default) compares value; Exists matches any value."),
                "value": .string("Taint value to match when operator is Equal.").maxLength(63),
                "effect": .enumeration(TaintEffect.self, "Taint effect to match; empty matches every effect."),
                "tolerationSeconds": .int64(
                    "For NoExecute taints: how long the pod stays bound after the taint appears. Unset means forever."),
            ]
        ).validated(by: crossFieldRules)
    }
}
