public enum TolerationOperator: String, SchemaEnumeration {
    case exists = "Exists"
    case equal = "Equal"
}
