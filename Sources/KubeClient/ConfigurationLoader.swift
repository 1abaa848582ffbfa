import Foundation

/// Finds the configuration the way controller-runtime does: an explicit `--kubeconfig`, else the files in
/// `KUBECONFIG`, else the in-cluster service account, else `~/.kube/config`.
public struct ConfigurationLoader: Sendable {
    public var environment: [String: String]
    public var homeDirectory: String
    public var inClusterPaths: InClusterPaths

    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        homeDirectory: String = NSHomeDirectory(), inClusterPaths: InClusterPaths = .standard
    ) {
        self.environment = environment
        self.homeDirectory = homeDirectory
        self.inClusterPaths = inClusterPaths
    }

    public func load(kubeconfig explicitPath: String? = nil, context: String? = nil) throws(KubeConfigError) -> ClientConfiguration {
        if let explicitPath {
            return try KubeConfig(files: [explicitPath]).configuration(context: context)
        }
        if let list = environment["KUBECONFIG"], !list.isEmpty {
            let files = list.split(separator: ":").map(String.init).filter { FileManager.default.fileExists(atPath: $0) }
            guard !files.isEmpty else { throw KubeConfigError(file: list, "none of the files in KUBECONFIG exist") }
            return try KubeConfig(files: files).configuration(context: context)
        }
        if context == nil, environment["KUBERNETES_SERVICE_HOST"] != nil {
            return try InClusterConfiguration.load(environment: environment, paths: inClusterPaths)
        }
        let home = (homeDirectory as NSString).appendingPathComponent(".kube/config")
        return try KubeConfig(files: [home]).configuration(context: context)
    }
}
