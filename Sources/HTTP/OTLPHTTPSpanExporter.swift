import Foundation
import Synchronization
import EnsembleSupport

/// Sends spans to an OpenTelemetry collector with OTLP/HTTP, JSON encoding (`POST <endpoint>/v1/traces`).
///
/// Retries what the OTLP specification calls retryable (429, 502, 503, 504, and failures to connect or time
/// out) with exponential backoff, waiting as long as `Retry-After` asks when the collector says so. A batch that
/// still fails, or that the collector rejects, is dropped and counted; the error says why without header values.
public final class OTLPHTTPSpanExporter: SpanExporter {
    public struct Configuration: Sendable {
        /// The collector's base URL, such as `http://otel-collector:4318`; `/v1/traces` is appended.
        public var endpoint: String
        /// Sent with every request, typically credentials; their values are never logged or put in errors.
        public var headers: HTTPHeaders
        /// Limit for one attempt.
        public var timeout: Duration
        /// Attempts per batch, the first included.
        public var maximumAttempts: Int
        public var backoff: ExponentialBackoff
        /// The longest wait before a retry; a `Retry-After` asking for more makes the exporter give up instead.
        public var maximumRetryDelay: Duration
        /// Describes the process, such as `service.name`, `service.version`, `k8s.pod.name`.
        public var resource: [String: SpanAttribute]
        /// The instrumentation scope the spans are reported under.
        public var scopeName: String
        public var scopeVersion: String

        /// - Precondition: `maximumAttempts` is at least 1.
        public init(
            endpoint: String, headers: HTTPHeaders = [:], timeout: Duration = .seconds(10), maximumAttempts: Int = 5,
            backoff: ExponentialBackoff = ExponentialBackoff(initial: .seconds(1), maximum: .seconds(30)),
            maximumRetryDelay: Duration = .seconds(60), resource: [String: SpanAttribute] = [:],
            scopeName: String = "ensemble", scopeVersion: String = ""
        ) {
            precondition(maximumAttempts >= 1, "an exporter makes at least one attempt")
            self.endpoint = endpoint
            self.headers = headers
            self.timeout = timeout
            self.maximumAttempts = maximumAttempts
            self.backoff = backoff
            self.maximumRetryDelay = maximumRetryDelay
            self.resource = resource
            self.scopeName = scopeName
            self.scopeVersion = scopeVersion
        }

        public var tracesURL: String {
            var base = endpoint
            while base.hasSuffix("/") { base.removeLast() }
            return base + "/v1/traces"
        }
    }

    public let configuration: Configuration
    private let client: HTTPClient
    private let logger: Logger?
    private let counts = Mutex(Counts())

    private struct Counts {
        var exported = 0
        var dropped = 0
    }

    public init(configuration: Configuration, client: HTTPClient, logger: Logger? = nil) {
        self.configuration = configuration
        self.client = client
        self.logger = logger
    }

    /// Spans the collector accepted.
    public var exportedSpanCount: Int { counts.withLock { $0.exported } }

    /// Spans given up on, or reported rejected by the collector in a partial success.
    public var droppedSpanCount: Int { counts.withLock { $0.dropped } }

    public func export(_ spans: [SpanData]) async throws {
        guard !spans.isEmpty else { return }
        do {
            let rejected = try await deliver(spans)
            counts.withLock {
                $0.exported += spans.count - rejected
                $0.dropped += rejected
            }
        } catch {
            counts.withLock { $0.dropped += spans.count }
            logger?.warning(
                "dropped spans the collector did not take",
                metadata: ["spans": .integer(Int64(spans.count)), "error": .string(String(describing: error))])
            throw error
        }
    }

    /// The exporter holds no resources of its own; the shared `HTTPClient` belongs to its creator.
    public func shutdown() async {}

    /// Sends the batch, retrying as configured; returns how many spans the collector reported rejecting.
    private func deliver(_ spans: [SpanData]) async throws -> Int {
        let body = OTLPTraceJSON.encode(
            spans: spans, resource: configuration.resource,
            scope: (name: configuration.scopeName, version: configuration.scopeVersion))
        var headers = configuration.headers
        headers.replaceOrAdd(name: "Content-Type", value: "application/json")
        let request = HTTPClientRequest(
            method: .post, url: configuration.tracesURL, headers: headers, body: body, timeout: configuration.timeout)
        let target = "\(spans.count) spans to \(Self.withoutUserInfo(configuration.tracesURL))"
        var backoff = configuration.backoff
        var attempt = 1
        while true {
            let retryDelay: Duration
            let failure: OTLPExportError
            do {
                let response = try await client.execute(request)
                if (200..<300).contains(response.status) {
                    return Self.rejectedSpans(in: response.body)
                }
                guard Self.retryableStatuses.contains(response.status) else {
                    throw OTLPExportError(.rejected, "\(target): HTTP \(response.status)", status: response.status)
                }
                retryDelay = response.headers["Retry-After"].flatMap { RetryAfter.delay($0) } ?? backoff.next()
                failure = OTLPExportError(
                    .retriesExhausted, "\(target): HTTP \(response.status) after \(attempt) attempts",
                    status: response.status)
            } catch let error as HTTPClientError {
                guard Self.retryableClientErrors.contains(error.kind) else {
                    throw OTLPExportError(.transport, "\(target): \(error.kind)")
                }
                retryDelay = backoff.next()
                failure = OTLPExportError(.retriesExhausted, "\(target): \(error.kind) after \(attempt) attempts")
            }
            guard attempt < configuration.maximumAttempts else { throw failure }
            guard retryDelay <= configuration.maximumRetryDelay else {
                throw OTLPExportError(
                    .retryTooLate, "\(target): collector asked to retry after \(retryDelay), beyond the bound",
                    status: failure.status)
            }
            try await Task.sleep(for: retryDelay)
            attempt += 1
        }
    }

    static let retryableStatuses: Set<Int> = [429, 502, 503, 504]
    static let retryableClientErrors: Set<HTTPClientError.Kind> = [.connectFailed, .timedOut, .transport]

    /// `partialSuccess.rejectedSpans` of an `ExportTraceServiceResponse`; 0 when absent or unreadable.
    static func rejectedSpans(in body: Data) -> Int {
        guard !body.isEmpty, let response = try? JSONText.parse(body),
            let rejected = response["partialSuccess"]?["rejectedSpans"]
        else { return 0 }
        if let number = rejected.integerValue { return Int(number) }
        return rejected.stringValue.flatMap { Int($0) } ?? 0
    }

    private static func withoutUserInfo(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.user != nil || components.password != nil else {
            return url
        }
        components.user = nil
        components.password = nil
        return components.string ?? url
    }
}
