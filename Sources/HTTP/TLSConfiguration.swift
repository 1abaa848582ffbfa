import Foundation

/// How `HTTPClient` verifies servers and identifies itself over TLS. PEM material may come from files or memory.
public struct TLSConfiguration: Sendable, Hashable {
    public enum Source: Sendable, Hashable {
        case file(String)
        case pem(Data)
    }

    /// Trusted certificate authorities; the system store when nil.
    public var certificateAuthority: Source?
    public var clientCertificate: Source?
    public var clientKey: Source?
    /// Verify the server's certificate against this name instead of the URL's host (kubeconfig `tls-server-name`).
    public var serverName: String?
    /// Skip all verification of the server. Only for development.
    public var insecureSkipVerify: Bool

    public init(
        certificateAuthority: Source? = nil, clientCertificate: Source? = nil, clientKey: Source? = nil,
        serverName: String? = nil, insecureSkipVerify: Bool = false
    ) {
        self.certificateAuthority = certificateAuthority
        self.clientCertificate = clientCertificate
        self.clientKey = clientKey
        self.serverName = serverName
        self.insecureSkipVerify = insecureSkipVerify
    }
}
