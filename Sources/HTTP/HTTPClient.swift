import Foundation
internal import CCurl

/// An HTTP/1.1 and HTTP/2 client on libcurl's multi interface.
///
/// All network I/O runs on one dedicated thread per client; callers suspend without blocking Swift's
/// cooperative pool. Connections are kept alive and reused. Create one client per configuration and share it.
public final class HTTPClient: Sendable {
    public struct Configuration: Sendable {
        public var tls: TLSConfiguration?
        public var connectTimeout: Duration
        /// Open connections per host; further requests wait for one to free up.
        public var maximumConnectionsPerHost: Int
        /// Largest body `execute` will buffer; larger responses fail with `.responseTooLarge`.
        public var maximumBufferedBodyBytes: Int
        /// Bytes a streamed body may buffer ahead of its reader before the transfer pauses.
        public var streamBufferBytes: Int
        /// An explicit proxy URL; when nil, the `https_proxy`/`http_proxy`/`no_proxy` environment applies.
        public var proxyURL: String?
        public var userAgent: String

        public init(
            tls: TLSConfiguration? = nil, connectTimeout: Duration = .seconds(10),
            maximumConnectionsPerHost: Int = 128, maximumBufferedBodyBytes: Int = 256 << 20,
            streamBufferBytes: Int = 1 << 20, proxyURL: String? = nil, userAgent: String = "ensemble"
        ) {
            self.tls = tls
            self.connectTimeout = connectTimeout
            self.maximumConnectionsPerHost = maximumConnectionsPerHost
            self.maximumBufferedBodyBytes = maximumBufferedBodyBytes
            self.streamBufferBytes = streamBufferBytes
            self.proxyURL = proxyURL
            self.userAgent = userAgent
        }
    }

    public let configuration: Configuration
    private let loop: CurlEventLoop

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        self.loop = CurlEventLoop(maximumConnectionsPerHost: configuration.maximumConnectionsPerHost)
    }

    deinit {
        loop.stop()
    }

    /// Fails transfers in flight with `.shutdown` and stops the I/O thread. Later requests fail the same way.
    public func shutdown() {
        loop.stop()
    }

    /// Sends the request and reads the whole response body.
    public func execute(_ request: HTTPClientRequest) async throws -> HTTPClientResponse {
        let easy = try CurlRequestSetup(request: request, configuration: configuration)
        let holder = TransferHolder()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let transfer = CurlTransfer(
                    easy: easy.take(), summary: easy.summary, delivery: .buffered(continuation),
                    maximumBufferedBytes: configuration.maximumBufferedBodyBytes)
                easy.takeLists().forEach(transfer.own)
                start(transfer, holder: holder)
            }
        } onCancel: {
            holder.cancel(on: loop)
        }
    }

    /// Sends the request and returns once the response head has arrived; the body streams as it is sent.
    public func stream(_ request: HTTPClientRequest) async throws -> HTTPClientStreamingResponse {
        let easy = try CurlRequestSetup(request: request, configuration: configuration)
        let holder = TransferHolder()
        let loop = self.loop
        let channel = BodyChannel(
            highWaterBytes: configuration.streamBufferBytes,
            resumeProducer: { if let transfer = holder.transfer { loop.submit(.unpause(transfer)) } },
            abortProducer: { holder.cancel(on: loop) })
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let transfer = CurlTransfer(
                    easy: easy.take(), summary: easy.summary, delivery: .streaming(continuation, channel),
                    maximumBufferedBytes: configuration.maximumBufferedBodyBytes)
                easy.takeLists().forEach(transfer.own)
                start(transfer, holder: holder)
            }
        } onCancel: {
            holder.cancel(on: loop)
        }
    }

    private func start(_ transfer: CurlTransfer, holder: TransferHolder) {
        holder.transfer = transfer
        if !loop.submit(.add(transfer)) {
            transfer.fail(HTTPClientError(.shutdown, "\(transfer.summary): the HTTP client was shut down"))
        } else if holder.isCancelled {
            loop.submit(.cancel(transfer))
        }
    }
}

/// Lets a cancellation handler, which may run before the transfer exists, reach it.
private final class TransferHolder: @unchecked Sendable {
    private let lock = NSLock()
    private weak var _transfer: CurlTransfer?
    private var cancelled = false

    var transfer: CurlTransfer? {
        get { lock.withLock { _transfer } }
        set { lock.withLock { _transfer = newValue } }
    }

    var isCancelled: Bool { lock.withLock { cancelled } }

    func cancel(on loop: CurlEventLoop) {
        let transfer = lock.withLock { () -> CurlTransfer? in
            cancelled = true
            return _transfer
        }
        if let transfer { loop.submit(.cancel(transfer)) }
    }
}
