/// Limits and addresses of an `HTTPServer`.
public struct HTTPServerConfiguration: Sendable {
    /// An IPv4 or IPv6 address to listen on (`127.0.0.1`, `0.0.0.0`, `::1`, `::`), or `localhost`.
    public var host: String
    /// 0 picks a free port; `HTTPServer.port` tells which.
    public var port: Int
    /// Larger request bodies are answered 413 without being read when their length is declared.
    public var maximumBodyBytes: Int
    /// Memory for one connection's request line and headers; larger heads are refused by the server.
    public var maximumHeaderBytes: Int
    public var maximumConnections: Int
    /// A connection idle (or trickling) this long is closed. Whole seconds; at least 1.
    public var connectionTimeout: Duration
    /// How long graceful shutdown waits for requests in flight before cancelling them.
    public var shutdownGracePeriod: Duration
    /// The answer to a body over `maximumBodyBytes` (status 413 is kept); the default is the Ensemble error shape.
    public var payloadTooLargeResponse: @Sendable (_ limit: Int) -> HTTPServerResponse

    public init(
        host: String = "127.0.0.1", port: Int = 8080, maximumBodyBytes: Int = 1 << 20,
        maximumHeaderBytes: Int = 64 << 10, maximumConnections: Int = 1024, connectionTimeout: Duration = .seconds(60),
        shutdownGracePeriod: Duration = .seconds(25),
        payloadTooLargeResponse: @escaping @Sendable (_ limit: Int) -> HTTPServerResponse = { limit in
            .error(status: 413, code: "payload_too_large", message: "request body exceeds \(limit) bytes")
        }
    ) {
        self.host = host
        self.port = port
        self.maximumBodyBytes = maximumBodyBytes
        self.maximumHeaderBytes = maximumHeaderBytes
        self.maximumConnections = maximumConnections
        self.connectionTimeout = connectionTimeout
        self.shutdownGracePeriod = shutdownGracePeriod
        self.payloadTooLargeResponse = payloadTooLargeResponse
    }
}
