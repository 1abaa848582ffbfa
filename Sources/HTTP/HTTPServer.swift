import Foundation
import Synchronization
import EnsembleSupport
internal import CMicroHTTPD

public typealias HTTPHandler = @Sendable (HTTPServerRequest) async throws -> HTTPServerResponse

/// An HTTP/1.1 server on libmicrohttpd.
///
/// libmicrohttpd's own polling thread does all socket work. Each request's handler runs as a Swift task while its
/// connection is suspended, so slow handlers never hold a thread. Bodies larger than the configured limit are
/// answered 413 before they are read. `shutdown()` stops accepting, lets requests in flight finish until the grace
/// period ends, then cancels what is left.
public final class HTTPServer: Sendable {
    public let configuration: HTTPServerConfiguration
    let handler: HTTPHandler
    let logger: Logger?
    private let state = Mutex(ServerState())
    private let drained = Mutex<[CheckedContinuation<Void, Never>]>([])

    struct ServerState {
        var daemon: Daemon?
        var port = 0
        var stopping = false
        var stopped = false
        var inFlight: [ObjectIdentifier: ServerExchange] = [:]
        var suspended = 0
        var shutdownWaiters: [CheckedContinuation<Void, Never>] = []
    }

    /// Handler errors are answered with a bare 500 and logged (without the request's headers) when a logger is given.
    public init(configuration: HTTPServerConfiguration, logger: Logger? = nil, handler: @escaping HTTPHandler) {
        self.configuration = configuration
        self.logger = logger
        self.handler = handler
    }

    deinit {
        if let daemon = state.withLock({ $0.daemon }) { MHD_stop_daemon(daemon.pointer) }
    }

    /// The port the server listens on, once started.
    public var port: Int { state.withLock { $0.port } }

    /// Binds and starts serving. Throws when the address cannot be bound.
    public func start() throws {
        let address = try SocketAddress(host: configuration.host, port: configuration.port)
        // poll(), not epoll: with libmicrohttpd 0.9.75's edge-triggered epoll, connections resumed in a burst
        // sometimes never get their next request read until the connection times out.
        var flags = MHD_USE_INTERNAL_POLLING_THREAD.rawValue | MHD_USE_POLL.rawValue
            | MHD_ALLOW_SUSPEND_RESUME.rawValue
        if address.isIPv6 { flags |= MHD_USE_IPv6.rawValue }
        let context = Unmanaged.passUnretained(self).toOpaque()
        let daemon = address.withSockaddr { sockaddr -> OpaquePointer? in
            var options: [MHD_OptionItem] = [
                MHD_OptionItem(option: .SOCK_ADDR, value: 0, ptr_value: UnsafeMutableRawPointer(mutating: sockaddr)),
                MHD_OptionItem(option: .CONNECTION_LIMIT, value: configuration.maximumConnections, ptr_value: nil),
                MHD_OptionItem(
                    option: .CONNECTION_TIMEOUT,
                    value: max(1, Int(configuration.connectionTimeout.components.seconds)), ptr_value: nil),
                MHD_OptionItem(
                    option: .CONNECTION_MEMORY_LIMIT, value: configuration.maximumHeaderBytes, ptr_value: nil),
                MHD_OptionItem(
                    option: .NOTIFY_COMPLETED, value: unsafeBitCast(requestCompleted, to: Int.self),
                    ptr_value: context),
                MHD_OptionItem(option: .LISTEN_BACKLOG_SIZE, value: 1024, ptr_value: nil),
                MHD_OptionItem(option: .END, value: 0, ptr_value: nil),
            ]
            return options.withUnsafeMutableBufferPointer { buffer in
                ensemble_mhd_start_daemon(UInt32(flags), 0, accessHandler, context, buffer.baseAddress)
            }
        }
        guard let daemon else {
            throw HTTPServerError.cannotListen("\(configuration.host):\(configuration.port)")
        }
        let bound = Daemon(pointer: daemon)
        let port = Int(ensemble_mhd_bound_port(daemon))
        state.withLock { state in
            state.daemon = bound
            state.port = port
        }
    }

    /// Serves until the task is cancelled or `shutdown()` is called, then shuts down gracefully.
    public func run() async throws {
        if state.withLock({ $0.daemon == nil && !$0.stopped }) { try start() }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let stopNow = state.withLock { state -> Bool in
                    if state.stopping || state.stopped { return true }
                    state.shutdownWaiters.append(continuation)
                    return false
                }
                if stopNow { continuation.resume() }
            }
        } onCancel: {
            requestShutdown()
        }
        await shutdown()
    }

    private func requestShutdown() {
        let waiters = state.withLock { state in
            defer { state.shutdownWaiters = [] }
            return state.shutdownWaiters
        }
        waiters.forEach { $0.resume() }
    }

    /// Stops accepting connections, waits up to the grace period for requests in flight, cancels the rest, stops.
    public func shutdown() async {
        let daemon = state.withLock { state -> Daemon? in
            guard !state.stopping else { return nil }
            state.stopping = true
            return state.daemon
        }
        requestShutdown()
        guard let daemon = daemon?.pointer else { return }
        // The listening socket is ours to close once quiesced, but only after MHD_stop_daemon: its thread may still
        // poll it, and a number closed early can be reused by another socket that the daemon would then touch.
        let listener = MHD_quiesce_daemon(daemon)
        if await !waitForDrain(within: configuration.shutdownGracePeriod) {
            for exchange in state.withLock({ Array($0.inFlight.values) }) {
                forceEnd(exchange)
            }
            _ = await waitForDrain(within: .seconds(5))
        }
        state.withLock { state in
            state.stopped = true
            state.daemon = nil
        }
        if state.withLock({ $0.suspended }) == 0 {
            MHD_stop_daemon(daemon)
            if listener >= 0 { close(listener) }
        }
    }

    /// True when no request is in flight within the time given.
    private func waitForDrain(within limit: Duration) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + limit
        while clock.now < deadline {
            if state.withLock({ $0.inFlight.isEmpty }) { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return state.withLock { $0.inFlight.isEmpty }
    }

    private func forceEnd(_ exchange: ServerExchange) {
        exchange.cancelHandler()
        if exchange.answer(.error(status: 503, code: "shutting_down", message: "the server is shutting down")) {
            resume(exchange.connection)
        }
        exchange.stream?.end(.failed)
    }

    // MARK: - Called on libmicrohttpd's thread

    fileprivate func access(
        connection: OpaquePointer, url: String, method: String, upload: UnsafeRawBufferPointer?,
        uploadSize: UnsafeMutablePointer<Int>, context: UnsafeMutablePointer<UnsafeMutableRawPointer?>
    ) -> MHD_Result {
        guard let existing = context.pointee else {
            let exchange = ServerExchange(connection: connection)
            context.pointee = Unmanaged.passRetained(exchange).toOpaque()
            if let declared = RequestReader.header(connection, "Content-Length").flatMap(Int.init),
                declared > configuration.maximumBodyBytes
            {
                return send(tooLarge(), on: exchange)
            }
            return .YES
        }
        let exchange = Unmanaged<ServerExchange>.fromOpaque(existing).takeUnretainedValue()
        if uploadSize.pointee > 0, let upload {
            if exchange.earlyResponse != nil {
                exchange.discardedBytes += upload.count
                uploadSize.pointee = 0
                return exchange.discardedBytes > 4 * configuration.maximumBodyBytes ? .NO : .YES
            }
            if exchange.body.count + upload.count > configuration.maximumBodyBytes {
                exchange.earlyResponse = tooLarge()
                exchange.discardedBytes = upload.count
            } else {
                exchange.appendBody(upload)
            }
            uploadSize.pointee = 0
            return .YES
        }
        switch exchange.phase {
        case .receiving:
            if let early = exchange.earlyResponse { return send(early, on: exchange) }
            return dispatch(exchange, url: url, method: method)
        case .answered:
            guard let response = exchange.takeAnswer() else { return .YES }
            return send(response, on: exchange)
        case .handling, .sent:
            return .YES
        }
    }

    private func dispatch(_ exchange: ServerExchange, url: String, method: String) -> MHD_Result {
        guard exchange.beginHandling() else { return .YES }
        let request = RequestReader.request(
            connection: exchange.connection, path: url, method: method, body: exchange.body)
        state.withLock { state in
            state.inFlight[ObjectIdentifier(exchange)] = exchange
            state.suspended += 1
        }
        MHD_suspend_connection(exchange.connection)
        let handler = self.handler
        let logger = self.logger
        let task = Task.detached { [self] in
            let response: HTTPServerResponse
            do {
                response = try await handler(request)
            } catch {
                logger?.error("request handler failed", metadata: [
                    "method": .string(request.method.rawValue), "path": .string(request.path), "error": .string("\(error)"),
                ])
                response = .error(status: 500, code: "internal", message: "internal error")
            }
            if exchange.answer(response) { resume(exchange.connection) }
        }
        exchange.attach(handler: task)
        return .YES
    }

    private func send(_ response: HTTPServerResponse, on exchange: ServerExchange) -> MHD_Result {
        let mhdResponse: OpaquePointer?
        switch response.body {
        case .bytes(let data):
            mhdResponse = data.withUnsafeBytes { bytes in
                MHD_create_response_from_buffer(
                    bytes.count, UnsafeMutableRawPointer(mutating: bytes.baseAddress), .RESPMEM_MUST_COPY)
            }
        case .stream(let produce):
            let stream = ResponseStream(
                connection: exchange.connection, highWaterBytes: 256 << 10,
                onSuspend: { [self] in state.withLock { $0.suspended += 1 } },
                onResume: { [self] in state.withLock { $0.suspended -= 1 } })
            exchange.stream = stream
            mhdResponse = MHD_create_response_from_callback(
                UInt64.max, 32 << 10, streamRead, Unmanaged.passRetained(stream).toOpaque(), streamFree)
            let task = Task.detached {
                do {
                    try await produce(stream)
                    stream.end(.finished)
                } catch {
                    stream.end(.failed)
                }
            }
            stream.attach(producer: task)
        }
        guard let mhdResponse else { return .NO }
        defer { MHD_destroy_response(mhdResponse) }
        for field in response.headers {
            _ = MHD_add_response_header(mhdResponse, field.name, field.value)
        }
        if state.withLock({ $0.stopping }) {
            _ = MHD_add_response_header(mhdResponse, "Connection", "close")
        }
        return MHD_queue_response(exchange.connection, UInt32(response.status), mhdResponse)
    }

    private func tooLarge() -> HTTPServerResponse {
        var response = configuration.payloadTooLargeResponse(configuration.maximumBodyBytes)
        response.status = 413
        response.headers.replaceOrAdd(name: "Connection", value: "close")
        return response
    }

    fileprivate func completed(_ context: UnsafeMutableRawPointer?) {
        guard let context else { return }
        let exchange = Unmanaged<ServerExchange>.fromOpaque(context).takeRetainedValue()
        state.withLock { _ = $0.inFlight.removeValue(forKey: ObjectIdentifier(exchange)) }
    }

    private func resume(_ connection: OpaquePointer) {
        state.withLock { $0.suspended -= 1 }
        MHD_resume_connection(connection)
    }
}

extension HTTPServer: Service {
    public var name: String { "http-server" }
}

/// libmicrohttpd's daemon handle; the library makes it safe to use from any thread.
struct Daemon: @unchecked Sendable {
    let pointer: OpaquePointer
}

public enum HTTPServerError: Error, CustomStringConvertible {
    case cannotListen(String)
    case invalidAddress(String)

    public var description: String {
        switch self {
        case .cannotListen(let address): "cannot listen on \(address) (address in use, or not permitted)"
        case .invalidAddress(let host): "not an IP address to listen on: \(host)"
        }
    }
}

private func server(_ context: UnsafeMutableRawPointer?) -> HTTPServer {
    Unmanaged<HTTPServer>.fromOpaque(context!).takeUnretainedValue()
}

private let accessHandler: MHD_AccessHandlerCallback = {
    context, connection, url, method, _, uploadData, uploadSize, connectionContext in
    let upload = uploadData.map { UnsafeRawBufferPointer(start: $0, count: uploadSize?.pointee ?? 0) }
    return server(context).access(
        connection: connection!, url: url.map { String(cString: $0) } ?? "/",
        method: method.map { String(cString: $0) } ?? "GET", upload: upload, uploadSize: uploadSize!,
        context: connectionContext!)
}

private let requestCompleted: MHD_RequestCompletedCallback = { context, _, connectionContext, _ in
    server(context).completed(connectionContext?.pointee)
    connectionContext?.pointee = nil
}

private let streamRead: MHD_ContentReaderCallback = { context, _, buffer, capacity in
    Unmanaged<ResponseStream>.fromOpaque(context!).takeUnretainedValue().read(into: buffer!, capacity: capacity)
}

private let streamFree: MHD_ContentReaderFreeCallback = { context in
    Unmanaged<ResponseStream>.fromOpaque(context!).takeRetainedValue().close()
}
