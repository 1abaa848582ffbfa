import EnsembleSupport
import Foundation
import HTTP
import KubeCore
import Synchronization

/// A client of one Kubernetes API server: typed access to `KubernetesObject` types and dynamic access to any
/// resource as `JSONValue`. It caches nothing but connections and credentials; share one instance.
///
/// Calls throw `KubeError` (or `CancellationError` when the calling task is cancelled).
public final class KubeClient: Sendable {
    public let configuration: ClientConfiguration
    private let authenticator: RequestAuthenticator
    private let limiter: TokenBucket?
    /// The HTTP client for the TLS identity in use; replaced when an exec plugin hands out a new certificate.
    private let transport: Mutex<(tls: TLSConfiguration, client: HTTPClient)>

    public init(configuration: ClientConfiguration) {
        self.configuration = configuration
        authenticator = RequestAuthenticator(configuration)
        limiter = configuration.rateLimit.map(TokenBucket.init)
        transport = Mutex((configuration.tls, Self.httpClient(configuration, tls: configuration.tls)))
    }

    /// Stops the connections; calls in flight fail.
    public func shutdown() {
        transport.withLock { $0.client.shutdown() }
    }

    private static func httpClient(_ configuration: ClientConfiguration, tls: TLSConfiguration) -> HTTPClient {
        HTTPClient(configuration: .init(
            tls: tls, proxyURL: configuration.proxyURL, userAgent: configuration.userAgent))
    }

    private func httpClient(for proof: RequestAuthenticator.Proof) -> HTTPClient {
        var tls = configuration.tls
        if let certificate = proof.clientCertificate, let key = proof.clientKey {
            tls.clientCertificate = certificate
            tls.clientKey = key
        }
        return transport.withLock { current in
            if current.tls != tls { current = (tls, Self.httpClient(configuration, tls: tls)) }
            return current.client
        }
    }

    private func httpRequest(_ request: APIRequest, proof: RequestAuthenticator.Proof, timeout: Duration?) -> HTTPClientRequest {
        var headers: HTTPHeaders = ["Accept": "application/json"]
        if let authorization = proof.authorization { headers.add(name: "Authorization", value: authorization.value) }
        if let contentType = request.contentType { headers.add(name: "Content-Type", value: contentType) }
        return HTTPClientRequest(
            method: request.method, url: request.url(server: configuration.server), headers: headers, body: request.body,
            timeout: timeout)
    }

    /// Sends a request, retrying as `RetryPolicy` says and once more after a 401 when credentials can be renewed.
    /// Returns only 2xx answers; anything else is thrown as `KubeError`.
    func send(_ request: APIRequest) async throws -> HTTPClientResponse {
        var attempt = 0
        var renewedCredentials = false
        while true {
            try await limiter?.acquire()
            let proof = try await authenticator.proof()
            let response: HTTPClientResponse
            do {
                response = try await httpClient(for: proof).execute(
                    httpRequest(request, proof: proof, timeout: configuration.requestTimeout))
            } catch let error as HTTPClientError {
                if error.kind == .cancelled { throw CancellationError() }
                throw KubeError.transport(error, operation: request.summary)
            }
            if (200..<300).contains(response.status) { return response }
            if response.status == 401, !renewedCredentials, authenticator.canRefresh {
                renewedCredentials = true
                await authenticator.invalidate()
                continue
            }
            if let delay = configuration.retry.delay(
                status: response.status, retryAfterHeader: response.headers["Retry-After"], attempt: attempt)
            {
                attempt += 1
                try await Task.sleep(for: delay)
                continue
            }
            throw Self.apiError(status: response.status, headers: response.headers, body: response.body, operation: request.summary)
        }
    }

    /// Opens a streamed response (a watch); not retried. Non-2xx answers are thrown as `KubeError`.
    func openStream(_ request: APIRequest) async throws -> HTTPClientStreamingResponse {
        try await limiter?.acquire()
        var proof = try await authenticator.proof()
        var renewedCredentials = false
        while true {
            let response: HTTPClientStreamingResponse
            do {
                response = try await httpClient(for: proof).stream(httpRequest(request, proof: proof, timeout: nil))
            } catch let error as HTTPClientError {
                if error.kind == .cancelled { throw CancellationError() }
                throw KubeError.transport(error, operation: request.summary)
            }
            if (200..<300).contains(response.status) { return response }
            let body: Data
            do {
                body = try await response.collect(upTo: 1 << 20)
            } catch let error as HTTPClientError {
                throw KubeError.transport(error, operation: request.summary)
            }
            if response.status == 401, !renewedCredentials, authenticator.canRefresh {
                renewedCredentials = true
                await authenticator.invalidate()
                proof = try await authenticator.proof()
                continue
            }
            throw Self.apiError(status: response.status, headers: response.headers, body: body, operation: request.summary)
        }
    }

    static func apiError(status code: Int, headers: HTTPHeaders, body: Data, operation: String) -> KubeError {
        let decoded = try? JSONDecoder().decode(Status.self, from: body)
        let status: Status
        if let decoded, decoded.kind == "Status" {
            status = decoded
        } else {
            let text = String(decoding: body.prefix(512), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            status = Status(
                status: "Failure", message: text.isEmpty ? "the server answered \(code)" : text,
                reason: Self.reason(forStatusCode: code), code: Int32(code))
        }
        let retryAfter = headers["Retry-After"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }.map { Duration.seconds($0) }
            ?? status.details?.retryAfterSeconds.map { Duration.seconds(Int64($0)) }
        return .api(status, statusCode: code, retryAfter: retryAfter, operation: operation)
    }

    /// The reason the API server would give for a bare HTTP status, as client-go infers it.
    private static func reason(forStatusCode code: Int) -> String? {
        switch code {
        case 400: "BadRequest"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "NotFound"
        case 405: "MethodNotAllowed"
        case 406: "NotAcceptable"
        case 409: "Conflict"
        case 410: "Gone"
        case 413: "RequestEntityTooLarge"
        case 415: "UnsupportedMediaType"
        case 422: "Invalid"
        case 429: "TooManyRequests"
        case 500: "InternalError"
        case 503: "ServiceUnavailable"
        case 504: "Timeout"
        default: nil
        }
    }
}
