/// One aspect of an object's current state, in the shape of `metav1.Condition`.
public struct Condition: Sendable, Hashable, Codable {
    /// What the condition is about, in CamelCase: see `ConditionType`.
    public var type: String
    public var status: ConditionStatus
    public var observedGeneration: Int64?
    /// When `status` last changed; kept when only the reason or message change.
    public var lastTransitionTime: Timestamp
    /// A CamelCase word for programs: see `ConditionReason`.
    public var reason: String
    public var message: String

    public init(
        type: String, status: ConditionStatus, observedGeneration: Int64? = nil, lastTransitionTime: Timestamp,
        reason: String, message: String
    ) {
        self.type = type
        self.status = status
        self.observedGeneration = observedGeneration
        self.lastTransitionTime = lastTransitionTime
        self.reason = reason
        self.message = message
    }
}

extension Condition: SchemaDescribed {
    public static var schema: Schema {
        .object(
            "One aspect of the object's current state.",
            properties: [
                "type": .string("The aspect this condition describes, in CamelCase, such as Ready.")
                    .pattern(NamePattern.qualifiedName).maxLength(316),
                "status": .enumeration(ConditionStatus.self, "Whether the condition holds: True, False or Unknown."),
                "observedGeneration": .int64(
                    "The .metadata.generation the condition was computed from; older than the object's generation when the condition is out of date."
                ).minimum(0),
                "lastTransitionTime": .timestamp("When the status last changed from one value to another."),
                "reason": .string("A CamelCase word saying why the condition has its status, for programs and alerts.")
                    .pattern("^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$").minLength(1).maxLength(1024),
                "message": .string("A human-readable explanation; may be empty.").maxLength(32768),
            ],
            required: ["type", "status", "lastTransitionTime", "reason", "message"])
    }

    /// The schema of a `conditions` list: one entry per type.
    public static var listSchema: Schema {
        .array("The latest observations of the object's state, one per condition type.", of: schema)
            .listMap(keys: ["type"]).maxItems(16)
    }
}
