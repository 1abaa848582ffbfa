/// A kubeconfig `users[].user.exec` entry: a command that prints an `ExecCredential` (EKS, GKE, AKS plugins).
public struct ExecCredentialConfig: Sendable, Hashable {
    public var apiVersion: String
    /// An absolute path, a path relative to the kubeconfig's directory, or a name looked up in `PATH`.
    public var command: String
    public var arguments: [String]
    /// Set on top of the client's own environment.
    public var environment: [String: String]
    /// Whether the plugin gets the cluster's server and CA in `KUBERNETES_EXEC_INFO`.
    public var provideClusterInfo: Bool
    public var installHint: String?

    public init(
        apiVersion: String = "client.authentication.k8s.io/v1", command: String, arguments: [String] = [],
        environment: [String: String] = [:], provideClusterInfo: Bool = false, installHint: String? = nil
    ) {
        self.apiVersion = apiVersion
        self.command = command
        self.arguments = arguments
        self.environment = environment
        self.provideClusterInfo = provideClusterInfo
        self.installHint = installHint
    }
}
