/// Lets runner pods schedule onto nodes with a matching taint.
public struct Toleration: Sendable, Hashable, Codable {
    public var key: String?
    public var `operator`: TolerationOperator?
    public var value: String?
    public var effect: TaintEffect?
    public var tolerationSeconds: Int64?

    public init(
        key: String? = nil, operator: TolerationOperator? = nil, value: String? = nil, effect: TaintEffect? = nil,
        tolerationSeconds: Int64? = nil
    ) {
        self.key = key
        self.operator = `operator`
        self.value = value
        self.effect = effect
        self.tolerationSeconds = tolerationSeconds
    }

    public static let crossFieldRules: [CrossFieldRule<Toleration>] = [
        CrossFieldRule(
            cel: "!has(self.operator) || self.operator != 'Exists' || !has(self.value)",
            message: "value must be empty when operator is Exists",
            fieldPath: ".value", reason: .fieldValueForbidden,
            holds: { $0.operator != .exists || $0.value == nil })
    ]
}

extension Toleration: SchemaDescribed {
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
