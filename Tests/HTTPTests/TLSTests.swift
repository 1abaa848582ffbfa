import Foundation
import Testing
@testable import HTTP

/// TLS against `openssl s_server` (Debian's openssl), with a CA, a server certificate for a name that is not the
/// address connected to, and a client certificate, all made with `openssl` for this test run.
@Suite(.enabled(if: TestPKI.opensslAvailable, "needs the openssl command"), .serialized)
struct TLSTests {
    let pki: TestPKI
    let server: OpenSSLServer

    init() async throws {
        pki = try TestPKI.make()
        server = try await OpenSSLServer.start(pki: pki)
    }

    private func client(_ tls: TLSConfiguration) -> HTTPClient {
        HTTPClient(configuration: .init(tls: tls, connectTimeout: .seconds(30)))
    }

    private var url: String { "https://127.0.0.1:\(server.port)/" }

    @Test func verifiesTheServerAgainstFilesAndPresentsAClientCertificate() async throws {
        let tls = TLSConfiguration(
            certificateAuthority: .file(pki.path("ca.crt")), clientCertificate: .file(pki.path("client.crt")),
            clientKey: .file(pki.path("client.key")), serverName: "ensemble-test.internal")
        let response = try await client(tls).execute(HTTPClientRequest(url: url, timeout: .seconds(30)))
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self).contains("ensemble-client"))
    }

    @Test func acceptsInMemoryPEM() async throws {
        let tls = TLSConfiguration(
            certificateAuthority: .pem(try pki.data("ca.crt")), clientCertificate: .pem(try pki.data("client.crt")),
            clientKey: .pem(try pki.data("client.key")), serverName: "ensemble-test.internal")
        let response = try await client(tls).execute(HTTPClientRequest(url: url, timeout: .seconds(30)))
        #expect(response.status == 200)
    }

    @Test func rejectsACertificateForAnotherName() async throws {
        let tls = TLSConfiguration(
            certificateAuthority: .file(pki.path("ca.crt")), clientCertificate: .file(pki.path("client.crt")),
            clientKey: .file(pki.path("client.key")))
        let error = await #expect(throws: HTTPClientError.self) {
            try await client(tls).execute(HTTPClientRequest(url: url, timeout: .seconds(30)))
        }
        #expect(error?.kind == .tls)
    }

    @Test func rejectsAnUnknownAuthority() async throws {
        let tls = TLSConfiguration(
            clientCertificate: .file(pki.path("client.crt")), clientKey: .file(pki.path("client.key")),
            serverName: "ensemble-test.internal")
        let error = await #expect(throws: HTTPClientError.self) {
            try await client(tls).execute(HTTPClientRequest(url: url, timeout: .seconds(30)))
        }
        #expect(error?.kind == .tls)
    }

    @Test func failsWithoutTheClientCertificateTheServerRequires() async throws {
        let tls = TLSConfiguration(certificateAuthority: .file(pki.path("ca.crt")), serverName: "ensemble-test.internal")
        let error = await #expect(throws: HTTPClientError.self) {
            try await client(tls).execute(HTTPClientRequest(url: url, timeout: .seconds(30)))
        }
        #expect(error?.kind == .tls || error?.kind == .transport)
    }

    @Test func skipsVerificationWhenTold() async throws {
        let tls = TLSConfiguration(
            clientCertificate: .file(pki.path("client.crt")), clientKey: .file(pki.path("client.key")),
            insecureSkipVerify: true)
        let response = try await client(tls).execute(HTTPClientRequest(url: url, timeout: .seconds(30)))
        #expect(response.status == 200)
    }
}
