import Foundation
import Synchronization
import Testing
import EnsembleSupport
import HTTP

/// A loopback OTLP collector: answers each request with the next scripted response (the last one repeats)
/// and keeps what it received.
final class ScriptedCollector: Sendable {
    struct Received: Sendable {
        let path: String
        let headers: HTTPHeaders
        let body: Data
    }

    private let state: Mutex<(script: [HTTPServerResponse], received: [Received])>

    init(_ script: [HTTPServerResponse]) {
        state = Mutex((script, []))
    }

    var received: [Received] { state.withLock { $0.received } }

    var handler: HTTPHandler {
        { request in
            self.state.withLock { state in
                state.received.append(Received(path: request.path, headers: request.headers, body: request.body))
                return state.script.count > 1 ? state.script.removeFirst() : state.script[0]
            }
        }
    }

    /// Names of the spans in every request body, in order.
    func spanNames() throws -> [String] {
        try received.flatMap { request -> [String] in
            let spans = try JSONText.parse(request.body)["resourceSpans"]?[0]?["scopeSpans"]?[0]?["spans"]?.arrayValue ?? []
            return spans.compactMap { $0["name"]?.stringValue }
        }
    }
}

@Suite struct OTLPHTTPSpanExporterTests {
    static let secret = "Bearer s3cr3t-collector-token"

    static func spans(_ count: Int) -> [SpanData] {
        (0..<count).map { index in
            SpanData(
                name: "span \(index)", kind: .client,
                context: SpanContext(traceID: .random(), spanID: .random(), isSampled: true), parentSpanID: nil,
                startTimeUnixNano: 1_700_000_000_000_000_000, endTimeUnixNano: 1_700_000_000_500_000_000)
        }
    }

    static func exporter(
        _ url: String, client: HTTPClient, attempts: Int = 3, maximumRetryDelay: Duration = .seconds(5),
        logger: Logger? = nil
    ) -> OTLPHTTPSpanExporter {
        OTLPHTTPSpanExporter(
            configuration: .init(
                endpoint: url + "/", headers: ["Authorization": secret], timeout: .seconds(60), maximumAttempts: attempts,
                backoff: ExponentialBackoff(initial: .milliseconds(10), maximum: .milliseconds(50)),
                maximumRetryDelay: maximumRetryDelay, resource: ["service.name": "ensemble-runner"]),
            client: client, logger: logger)
    }

    static func retryAfter(_ status: Int, _ value: String) -> HTTPServerResponse {
        var response = HTTPServerResponse.text("busy", status: status)
        response.headers.add(name: "Retry-After", value: value)
        return response
    }

    @Test func postsJSONWithTheConfiguredHeadersToV1Traces() async throws {
        let collector = ScriptedCollector([.json([:])])
        let client = HTTPClient()
        defer { client.shutdown() }
        try await withServer(handler: collector.handler) { _, url in
            let exporter = Self.exporter(url, client: client)
            try await exporter.export(Self.spans(3))
            #expect(exporter.exportedSpanCount == 3)
            #expect(exporter.droppedSpanCount == 0)
        }
        let request = try #require(collector.received.first)
        #expect(collector.received.count == 1)
        #expect(request.path == "/v1/traces")
        #expect(request.headers["Content-Type"] == "application/json")
        #expect(request.headers["Authorization"] == Self.secret)
        #expect(try collector.spanNames() == ["span 0", "span 1", "span 2"])
        let resource = try JSONText.parse(request.body)["resourceSpans"]?[0]?["resource"]
        #expect(resource == ["attributes": [["key": "service.name", "value": ["stringValue": "ensemble-runner"]]]])
    }

    @Test func honorsRetryAfterOn503ThenSucceeds() async throws {
        let collector = ScriptedCollector([Self.retryAfter(503, "1"), .json([:])])
        let client = HTTPClient()
        defer { client.shutdown() }
        try await withServer(handler: collector.handler) { _, url in
            let exporter = Self.exporter(url, client: client)
            let started = ContinuousClock.now
            try await exporter.export(Self.spans(2))
            #expect(ContinuousClock.now - started >= .milliseconds(950))
            #expect(exporter.exportedSpanCount == 2)
            #expect(exporter.droppedSpanCount == 0)
        }
        #expect(collector.received.count == 2)
        #expect(collector.received[0].body == collector.received[1].body)
    }

    @Test(arguments: [429, 502, 504])
    func retriesRetryableStatusesWithBackoff(status: Int) async throws {
        let collector = ScriptedCollector([.text("later", status: status), .text("later", status: status), .json([:])])
        let client = HTTPClient()
        defer { client.shutdown() }
        try await withServer(handler: collector.handler) { _, url in
            try await Self.exporter(url, client: client).export(Self.spans(1))
        }
        #expect(collector.received.count == 3)
    }

    @Test func givesUpAfterTheLastAttemptAndCountsTheDrop() async throws {
        let collector = ScriptedCollector([.text("down", status: 503)])
        let client = HTTPClient()
        defer { client.shutdown() }
        try await withServer(handler: collector.handler) { _, url in
            let exporter = Self.exporter(url, client: client, attempts: 3)
            let error = await #expect(throws: OTLPExportError.self) { try await exporter.export(Self.spans(4)) }
            #expect(error?.kind == .retriesExhausted)
            #expect(error?.status == 503)
            #expect(exporter.droppedSpanCount == 4)
            #expect(exporter.exportedSpanCount == 0)
        }
        #expect(collector.received.count == 3)
    }

    @Test func aRetryAfterBeyondTheBoundGivesUpAtOnce() async throws {
        let collector = ScriptedCollector([Self.retryAfter(429, "3600")])
        let client = HTTPClient()
        defer { client.shutdown() }
        try await withServer(handler: collector.handler) { _, url in
            let exporter = Self.exporter(url, client: client, maximumRetryDelay: .seconds(5))
            let error = await #expect(throws: OTLPExportError.self) { try await exporter.export(Self.spans(1)) }
            #expect(error?.kind == .retryTooLate)
            #expect(exporter.droppedSpanCount == 1)
        }
        #expect(collector.received.count == 1)
    }

    @Test func aRejectionIsNotRetriedAndNeverShowsTheCredentials() async throws {
        let echo: HTTPHandler = { request in
            .text("bad request, you sent \(request.headers["Authorization"] ?? "")", status: 400)
        }
        let logs = InMemoryLogHandler()
        let client = HTTPClient()
        defer { client.shutdown() }
        try await withServer(handler: echo) { _, url in
            let exporter = Self.exporter(
                url.replacingOccurrences(of: "http://", with: "http://user:pa55word@"), client: client,
                logger: Logger(label: "otlp", handler: logs))
            let error = await #expect(throws: OTLPExportError.self) { try await exporter.export(Self.spans(2)) }
            #expect(error?.kind == .rejected)
            #expect(error?.status == 400)
            let text = String(describing: error)
            #expect(!text.contains("s3cr3t"))
            #expect(!text.contains("pa55word"))
            #expect(text.contains("HTTP 400"))
            #expect(exporter.droppedSpanCount == 2)
        }
        #expect(!logs.records.isEmpty)
        for record in logs.records {
            let rendered = record.message + JSONText.string(.object(record.metadata))
            #expect(!rendered.contains("s3cr3t"))
            #expect(!rendered.contains("pa55word"))
        }
    }

    @Test func anUnreachableCollectorIsRetriedThenReported() async throws {
        let client = HTTPClient()
        defer { client.shutdown() }
        let exporter = Self.exporter("http://127.0.0.1:\(try unusedPort())", client: client, attempts: 2)
        let error = await #expect(throws: OTLPExportError.self) { try await exporter.export(Self.spans(1)) }
        #expect(error?.kind == .retriesExhausted)
        #expect(error?.status == nil)
        #expect(!String(describing: error).contains("s3cr3t"))
        #expect(exporter.droppedSpanCount == 1)
    }

    @Test func partialSuccessCountsTheRejectedSpans() async throws {
        let partialSuccess: JSONValue = ["partialSuccess": ["rejectedSpans": "2", "errorMessage": "too old"]]
        let collector = ScriptedCollector([.json(partialSuccess)])
        let client = HTTPClient()
        defer { client.shutdown() }
        try await withServer(handler: collector.handler) { _, url in
            let exporter = Self.exporter(url, client: client)
            try await exporter.export(Self.spans(5))
            #expect(exporter.exportedSpanCount == 3)
            #expect(exporter.droppedSpanCount == 2)
        }
    }

    @Test func tracesFlowFromClientToServerToCollector() async throws {
        let collector = ScriptedCollector([.json([:])])
        let client = HTTPClient()
        defer { client.shutdown() }
        try await withServer(handler: collector.handler) { _, collectorURL in
            let processor = BatchSpanProcessor(exporter: Self.exporter(collectorURL, client: client))
            let tracer = Tracer(processor: processor)
            let api: HTTPHandler = { request in
                await tracer.withSpan("POST /v1/chat", kind: .server, parent: request.traceContext) { _ in
                    .text("ok")
                }
            }
            try await withServer(handler: api) { _, apiURL in
                try await tracer.withSpan("chat", parent: nil) { _ in
                    var request = HTTPClientRequest(method: .post, url: apiURL + "/v1/chat", body: Data("{}".utf8))
                    request.setTraceContext()
                    _ = try await client.execute(request)
                }
            }
            await processor.shutdown()
            #expect(processor.statistics.exported == 2)
        }
        let export = try #require(collector.received.first)
        let spans = try #require(
            try JSONText.parse(export.body)["resourceSpans"]?[0]?["scopeSpans"]?[0]?["spans"]?.arrayValue)
        let server = try #require(spans.first { $0["name"] == "POST /v1/chat" })
        let caller = try #require(spans.first { $0["name"] == "chat" })
        #expect(server["traceId"] == caller["traceId"])
        #expect(server["parentSpanId"] == caller["spanId"])
        #expect(server["kind"] == 2)
    }
}

@Suite struct TraceContextHeaderTests {
    @Test func headersCarryTheTraceparent() throws {
        let context = SpanContext(traceID: .random(), spanID: .random(), isSampled: true)
        var headers: HTTPHeaders = ["traceparent": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"]
        headers.setTraceContext(context)
        #expect(headers.values(for: "traceparent") == [context.traceparent])
        #expect(headers.traceContext?.spanID == context.spanID)
        #expect(HTTPServerRequest(method: .get, path: "/", headers: headers).traceContext?.traceID == context.traceID)
    }

    @Test func absentRepeatedOrMalformedHeadersGiveNoContext() {
        let valid = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
        #expect(HTTPHeaders().traceContext == nil)
        #expect(HTTPHeaders([("traceparent", valid), ("Traceparent", valid)]).traceContext == nil)
        #expect(HTTPHeaders([("traceparent", "00-xyz")]).traceContext == nil)
        #expect(HTTPHeaders([("TraceParent", valid)]).traceContext != nil)
    }

    @Test func aClientRequestTakesTheCurrentSpanByDefault() async {
        var outside = HTTPClientRequest(url: "http://127.0.0.1/")
        outside.setTraceContext()
        #expect(!outside.headers.contains("traceparent"))
        let tracer = Tracer(processor: BatchSpanProcessor(exporter: InMemorySpanExporter()))
        await tracer.withSpan("chat", parent: nil) { span in
            var request = HTTPClientRequest(url: "http://127.0.0.1/")
            request.setTraceContext()
            #expect(request.headers["traceparent"] == span.context.traceparent)
        }
    }
}

@Suite struct RetryAfterTests {
    @Test func readsSecondsAndHTTPDates() {
        let now = Date(timeIntervalSince1970: 784_111_777)
        #expect(RetryAfter.delay("120") == .seconds(120))
        #expect(RetryAfter.delay(" 0 ") == .zero)
        #expect(RetryAfter.delay("Sun, 06 Nov 1994 08:49:47 GMT", now: now) == .seconds(10))
        #expect(RetryAfter.delay("Sun, 06 Nov 1994 08:49:27 GMT", now: now) == .zero)
        #expect(RetryAfter.delay("soon") == nil)
        #expect(RetryAfter.delay("-5") == nil)
        #expect(RetryAfter.delay("") == nil)
    }
}
