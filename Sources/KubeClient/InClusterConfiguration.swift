import Foundation
import HTTP

/// The configuration of a pod talking to its own cluster with its service account.
public enum InClusterConfiguration {
    public static func load(
        environment: [String: String] = ProcessInfo.processInfo.environment, paths: InClusterPaths = .standard
    ) throws(KubeConfigError) -> ClientConfiguration {
        let source = "in-cluster"
        guard let host = environment["KUBERNETES_SERVICE_HOST"], !host.isEmpty,
            let port = environment["KUBERNETES_SERVICE_PORT"], !port.isEmpty
        else {
            throw KubeConfigError(
                file: source, "KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must be set (not running in a pod?)")
        }
        guard FileManager.default.isReadableFile(atPath: paths.token) else {
            throw KubeConfigError(file: paths.token, "cannot read the service account token")
        }
        guard FileManager.default.isReadableFile(atPath: paths.certificateAuthority) else {
            throw KubeConfigError(file: paths.certificateAuthority, "cannot read the cluster CA bundle")
        }
        let namespace = (try? String(contentsOfFile: paths.namespace, encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let hostPart = host.contains(":") ? "[\(host)]" : host
        return ClientConfiguration(
            server: "https://\(hostPart):\(port)",
            tls: TLSConfiguration(certificateAuthority: .file(paths.certificateAuthority)),
            credentials: .tokenFile(path: paths.token),
            namespace: namespace.flatMap { $0.isEmpty ? nil : $0 } ?? "default")
    }
}
