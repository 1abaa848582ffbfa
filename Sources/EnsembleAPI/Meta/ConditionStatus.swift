public enum ConditionStatus: String, SchemaEnumeration {
    case `true` = "True"
    case `false` = "False"
    case unknown = "Unknown"
}
