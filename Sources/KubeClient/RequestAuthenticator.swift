import EnsembleSupport
import Foundation
import HTTP

/// Turns the configured credentials into what each request carries: an `Authorization` header and, for exec
/// plugins that return certificates, the client certificate to present.
final class RequestAuthenticator: Sendable {
    struct Proof: Sendable {
        var authorization: Redacted<String>?
        var clientCertificate: TLSConfiguration.Source?
        var clientKey: TLSConfiguration.Source?
    }

    private enum Source: Sendable {
        case none
        case fixed(Redacted<String>)
        case tokenFile(TokenFileReader)
        case exec(ExecCredentialProvider)
    }

    private let source: Source

    init(_ configuration: ClientConfiguration) {
        switch configuration.credentials {
        case .none: source = .none
        case .bearerToken(let token): source = .fixed(Redacted("Bearer \(token.value)"))
        case .basic(let username, let password):
            source = .fixed(Redacted("Basic " + Data("\(username):\(password.value)".utf8).base64EncodedString()))
        case .tokenFile(let path): source = .tokenFile(TokenFileReader(path: path))
        case .exec(let config):
            source = .exec(ExecCredentialProvider(config: config, server: configuration.server, tls: configuration.tls))
        }
    }

    /// Whether a 401 may be cured by obtaining the credential again.
    var canRefresh: Bool {
        if case .exec = source { return true }
        if case .tokenFile = source { return true }
        return false
    }

    func proof() async throws -> Proof {
        switch source {
        case .none: return Proof()
        case .fixed(let header): return Proof(authorization: header)
        case .tokenFile(let reader): return Proof(authorization: Redacted("Bearer \(try reader.token())"))
        case .exec(let provider):
            let credential = try await provider.credential()
            return Proof(
                authorization: credential.token.map { Redacted("Bearer \($0)") },
                clientCertificate: credential.clientCertificatePEM.map { .pem($0) },
                clientKey: credential.clientKeyPEM.map { .pem($0) })
        }
    }

    func invalidate() async {
        if case .exec(let provider) = source { await provider.invalidate() }
    }
}
