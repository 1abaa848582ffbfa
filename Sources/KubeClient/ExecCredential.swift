import Foundation
import KubeCore

/// What an exec credential plugin printed: a token or a client certificate, and until when it holds.
struct ExecCredential: Sendable {
    var token: String?
    var clientCertificatePEM: Data?
    var clientKeyPEM: Data?
    var expiration: Time?

    func isValid(at now: Date) -> Bool {
        guard let expiration else { return true }
        return expiration.date > now
    }

    private struct Document: Decodable {
        struct Status: Decodable {
            var token: String?
            var clientCertificateData: String?
            var clientKeyData: String?
            var expirationTimestamp: Time?
        }
        var apiVersion: String?
        var kind: String?
        var status: Status?
    }

    /// Parses the plugin's standard output; errors describe the shape, never the values.
    init(output: Data, expectedAPIVersion: String, command: String) throws(KubeError) {
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: output)
        } catch {
            let failure = KubeError.DecodingFailure(error, typeName: "ExecCredential")
            throw KubeError.credentials("exec plugin \(command) printed no valid ExecCredential: \(failure)")
        }
        guard document.kind == "ExecCredential" else {
            throw KubeError.credentials("exec plugin \(command) printed kind \"\(document.kind ?? "")\", not ExecCredential")
        }
        guard document.apiVersion == expectedAPIVersion else {
            throw KubeError.credentials(
                "exec plugin \(command) printed apiVersion \"\(document.apiVersion ?? "")\", expected \(expectedAPIVersion)")
        }
        guard let status = document.status else {
            throw KubeError.credentials("exec plugin \(command) printed an ExecCredential without status")
        }
        token = status.token.flatMap { $0.isEmpty ? nil : $0 }
        clientCertificatePEM = status.clientCertificateData.map { Data($0.utf8) }
        clientKeyPEM = status.clientKeyData.map { Data($0.utf8) }
        expiration = status.expirationTimestamp
        guard token != nil || (clientCertificatePEM != nil && clientKeyPEM != nil) else {
            throw KubeError.credentials(
                "exec plugin \(command) printed neither status.token nor status.clientCertificateData with clientKeyData")
        }
    }
}
