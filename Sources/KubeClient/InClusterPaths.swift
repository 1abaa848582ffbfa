/// Where a pod finds its service account: token, CA bundle and namespace. Injectable for tests.
public struct InClusterPaths: Sendable, Hashable {
    public var token: String
    public var certificateAuthority: String
    public var namespace: String

    public init(token: String, certificateAuthority: String, namespace: String) {
        self.token = token
        self.certificateAuthority = certificateAuthority
        self.namespace = namespace
    }

    public static let standard = InClusterPaths(directory: "/var/run/secrets/kubernetes.io/serviceaccount")

    /// The three files in one directory, as the kubelet mounts them.
    public init(directory: String) {
        self.init(
            token: directory + "/token", certificateAuthority: directory + "/ca.crt", namespace: directory + "/namespace")
    }
}
