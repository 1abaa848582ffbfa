import Foundation
import Synchronization
internal import CMicroHTTPD

/// One request on one connection, from its first byte to its response being sent.
///
/// libmicrohttpd owns the connection; this object is its per-request context (`con_cls`). The handler runs in a
/// Swift task while the connection is suspended; whichever of the handler or a forced shutdown answers first wins.
final class ServerExchange: @unchecked Sendable {
    enum Phase {
        case receiving
        case handling
        case answered(HTTPServerResponse)
        case sent
    }

    let connection: OpaquePointer
    private(set) var body = Data()
    /// A response decided before the handler ran (413), sent once the request has been read or given up on.
    var earlyResponse: HTTPServerResponse?
    var discardedBytes = 0
    private let state = Mutex<(phase: Phase, handler: Task<Void, Never>?)>((.receiving, nil))
    private let streamed = Mutex<ResponseStream?>(nil)

    /// The body being streamed, once the answer is a stream; read by shutdown from another thread.
    var stream: ResponseStream? {
        get { streamed.withLock { $0 } }
        set { streamed.withLock { $0 = newValue } }
    }

    init(connection: OpaquePointer) {
        self.connection = connection
    }

    func appendBody(_ bytes: UnsafeRawBufferPointer) {
        body.append(bytes.assumingMemoryBound(to: UInt8.self))
    }

    var phase: Phase { state.withLock { $0.phase } }

    /// Marks the request as handed to a handler; false if it already was.
    func beginHandling() -> Bool {
        state.withLock { state in
            guard case .receiving = state.phase else { return false }
            state.phase = .handling
            return true
        }
    }

    func attach(handler: Task<Void, Never>) {
        state.withLock { $0.handler = handler }
    }

    /// Records the answer; true if it is the first one (the caller then resumes the connection).
    func answer(_ response: HTTPServerResponse) -> Bool {
        state.withLock { state in
            guard case .handling = state.phase else { return false }
            state.phase = .answered(response)
            state.handler = nil
            return true
        }
    }

    /// Takes the answer for sending.
    func takeAnswer() -> HTTPServerResponse? {
        state.withLock { state in
            guard case .answered(let response) = state.phase else { return nil }
            state.phase = .sent
            return response
        }
    }

    func cancelHandler() {
        state.withLock { $0.handler }?.cancel()
    }
}
