import Foundation
import Synchronization
internal import CMicroHTTPD

/// The bounded buffer between a handler writing a streamed body and libmicrohttpd sending it.
///
/// libmicrohttpd pulls with `read`; when nothing is buffered the connection is suspended from inside that callback
/// and resumed by the next write or by the end of the stream.
final class ResponseStream: HTTPResponseBodyWriter, @unchecked Sendable {
    enum End { case finished, failed }

    private struct State {
        var chunks: [Data] = []
        var offset = 0
        var bufferedBytes = 0
        var end: End?
        var suspended = false
        var closed = false
        var writers: [CheckedContinuation<Void, any Error>] = []
        var producer: Task<Void, Never>?
    }

    private let connection: OpaquePointer
    private let highWaterBytes: Int
    private let state = Mutex(State())
    private let onSuspend: @Sendable () -> Void
    private let onResume: @Sendable () -> Void

    init(
        connection: OpaquePointer, highWaterBytes: Int, onSuspend: @escaping @Sendable () -> Void,
        onResume: @escaping @Sendable () -> Void
    ) {
        self.connection = connection
        self.highWaterBytes = highWaterBytes
        self.onSuspend = onSuspend
        self.onResume = onResume
    }

    func attach(producer: Task<Void, Never>) {
        state.withLock { $0.producer = producer }
    }

    func write(_ bytes: Data) async throws {
        guard !bytes.isEmpty else { return }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let resume = state.withLock { state -> Bool in
                    guard !state.closed, state.end == nil else {
                        continuation.resume(throwing: CancellationError())
                        return false
                    }
                    state.chunks.append(bytes)
                    state.bufferedBytes += bytes.count
                    if state.bufferedBytes > highWaterBytes {
                        state.writers.append(continuation)
                    } else {
                        continuation.resume()
                    }
                    return wake(&state)
                }
                if resume { resumeConnection() }
            }
        } onCancel: {
            end(.failed)
        }
    }

    /// Ends the body; the connection is resumed to send what is left.
    func end(_ end: End) {
        let resume = state.withLock { state -> Bool in
            guard state.end == nil else { return false }
            state.end = end
            failWriters(&state)
            return wake(&state)
        }
        if resume { resumeConnection() }
    }

    /// libmicrohttpd's content reader: copies up to `capacity` bytes, or ends, or suspends until there is more.
    func read(into buffer: UnsafeMutableRawPointer, capacity: Int) -> Int {
        state.withLock { state -> Int in
            if state.chunks.isEmpty {
                switch state.end {
                case .finished: return -1
                case .failed: return -2
                case nil:
                    state.suspended = true
                    onSuspend()
                    MHD_suspend_connection(connection)
                    return 0
                }
            }
            var copied = 0
            while copied < capacity, !state.chunks.isEmpty {
                let chunk = state.chunks[0]
                let count = min(capacity - copied, chunk.count - state.offset)
                chunk.withUnsafeBytes { bytes in
                    (buffer + copied).copyMemory(from: bytes.baseAddress! + state.offset, byteCount: count)
                }
                copied += count
                state.offset += count
                if state.offset == chunk.count {
                    state.chunks.removeFirst()
                    state.offset = 0
                }
            }
            state.bufferedBytes -= copied
            if state.bufferedBytes <= highWaterBytes / 2 {
                state.writers.forEach { $0.resume() }
                state.writers.removeAll()
            }
            return copied
        }
    }

    /// libmicrohttpd is done with the response (sent, or the client went away): stop the producer.
    func close() {
        let producer = state.withLock { state -> Task<Void, Never>? in
            state.closed = true
            if state.end == nil { state.end = .failed }
            failWriters(&state)
            return state.producer
        }
        producer?.cancel()
    }

    var isSuspended: Bool { state.withLock { $0.suspended } }

    private func wake(_ state: inout State) -> Bool {
        guard state.suspended else { return false }
        state.suspended = false
        return true
    }

    private func failWriters(_ state: inout State) {
        state.writers.forEach { $0.resume(throwing: CancellationError()) }
        state.writers.removeAll()
    }

    private func resumeConnection() {
        MHD_resume_connection(connection)
        onResume()
    }
}
