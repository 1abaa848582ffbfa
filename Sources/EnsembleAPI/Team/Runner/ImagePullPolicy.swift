public enum ImagePullPolicy: String, SchemaEnumeration {
    case always = "Always"
    case ifNotPresent = "IfNotPresent"
    case never = "Never"
}
