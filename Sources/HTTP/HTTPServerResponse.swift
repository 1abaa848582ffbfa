import Foundation
import EnsembleSupport

/// What a handler answers: a status, headers, and a body held in memory or produced while it is sent.
public struct HTTPServerResponse: Sendable {
    public enum Body: Sendable {
        case bytes(Data)
        /// Written while the response is sent; the writer suspends while the client is slow to read.
        /// The task running it is cancelled when the client goes away or the server's shutdown deadline passes.
        case stream(@Sendable (HTTPResponseBodyWriter) async throws -> Void)
    }

    public var status: Int
    public var headers: HTTPHeaders
    public var body: Body

    public init(status: Int = 200, headers: HTTPHeaders = [:], body: Body = .bytes(Data())) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public static func text(_ text: String, status: Int = 200) -> HTTPServerResponse {
        HTTPServerResponse(
            status: status, headers: ["Content-Type": "text/plain; charset=utf-8"], body: .bytes(Data(text.utf8)))
    }

    public static func json(_ value: JSONValue, status: Int = 200) -> HTTPServerResponse {
        HTTPServerResponse(status: status, headers: ["Content-Type": "application/json"], body: .bytes(JSONText.data(value)))
    }

    public static func json<Value: Encodable>(_ value: Value, status: Int = 200) throws -> HTTPServerResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return HTTPServerResponse(
            status: status, headers: ["Content-Type": "application/json"], body: .bytes(try encoder.encode(value)))
    }

    /// The error shape of every Ensemble API: `{"error": {"code": ..., "message": ...}}`.
    public static func error(status: Int, code: String, message: String) -> HTTPServerResponse {
        json(["error": ["code": .string(code), "message": .string(message)]], status: status)
    }

    /// A `text/event-stream` response whose events the closure sends.
    public static func eventStream(
        status: Int = 200, headers: HTTPHeaders = [:],
        _ produce: @escaping @Sendable (ServerSentEventWriter) async throws -> Void
    ) -> HTTPServerResponse {
        var allHeaders = headers
        allHeaders.replaceOrAdd(name: "Content-Type", value: "text/event-stream")
        allHeaders.replaceOrAdd(name: "Cache-Control", value: "no-cache")
        allHeaders.replaceOrAdd(name: "X-Accel-Buffering", value: "no")
        return HTTPServerResponse(status: status, headers: allHeaders, body: .stream { writer in
            try await produce(ServerSentEventWriter(writer: writer))
        })
    }
}

/// Sends a streamed response body.
public protocol HTTPResponseBodyWriter: Sendable {
    /// Queues bytes for the client; suspends while too much is queued. Throws once the client has gone.
    func write(_ bytes: Data) async throws
}
