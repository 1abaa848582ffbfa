/// The naming rules Kubernetes applies, as schema patterns and lengths.
public enum NamePattern {
    /// A DNS-1123 label: most object names, and names that become parts of object names.
    public static let dnsLabel = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"
    public static let dnsLabelMaxLength = 63

    /// A DNS-1123 subdomain: Secret and ConfigMap names.
    public static let dnsSubdomain = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"
    public static let dnsSubdomainMaxLength = 253

    /// A key of a Secret's or ConfigMap's data.
    public static let configKey = "^[-._a-zA-Z0-9]+$"

    /// An environment variable name.
    public static let environmentVariable = "^[A-Za-z_][A-Za-z0-9_]*$"

    /// A label or annotation key's name part, or a qualified name such as `example.com/name`.
    public static let qualifiedName =
        "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$"
}
