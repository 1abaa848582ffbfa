import KubeCore

extension KubeCore.Condition: SchemaDescribed {
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
