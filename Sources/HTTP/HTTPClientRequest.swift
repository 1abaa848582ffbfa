import Foundation

/// A request made by `HTTPClient`.
public struct HTTPClientRequest: Sendable {
    public var method: HTTPMethod
    public var url: String
    public var headers: HTTPHeaders
    public var body: Data?
    /// Limit for the whole exchange, including reading a streamed body; nil for none (long-lived watches).
    public var timeout: Duration?

    public init(
        method: HTTPMethod = .get, url: String, headers: HTTPHeaders = [:], body: Data? = nil,
        timeout: Duration? = nil
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }
}

/// A response whose body has been read completely.
public struct HTTPClientResponse: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: Data

    public init(status: Int, headers: HTTPHeaders, body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// A response whose body arrives as it is sent. Dropping `body` (or cancelling the task reading it) aborts the transfer.
public struct HTTPClientStreamingResponse: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: HTTPBodyStream

    /// Reads the rest of the body into memory, up to `limit` bytes.
    public func collect(upTo limit: Int) async throws -> Data {
        var data = Data()
        for try await chunk in body {
            guard data.count + chunk.count <= limit else {
                throw HTTPClientError(.responseTooLarge, "response body exceeds \(limit) bytes")
            }
            data.append(chunk)
        }
        return data
    }
}
