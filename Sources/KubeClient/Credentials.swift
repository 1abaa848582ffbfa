import EnsembleSupport

/// How requests prove who they come from. Client certificates travel in `ClientConfiguration.tls` instead.
/// Every textual form hides the secrets.
public enum Credentials: Sendable, Hashable, CustomStringConvertible {
    case none
    case bearerToken(Redacted<String>)
    /// A token read from a file, re-read whenever the file changes (rotated service account tokens).
    case tokenFile(path: String)
    case basic(username: String, password: Redacted<String>)
    case exec(ExecCredentialConfig)

    public var description: String {
        switch self {
        case .none: "none"
        case .bearerToken: "bearer token"
        case .tokenFile(let path): "token file \(path)"
        case .basic(let username, _): "basic auth as \(username)"
        case .exec(let config): "exec plugin \(config.command)"
        }
    }
}
