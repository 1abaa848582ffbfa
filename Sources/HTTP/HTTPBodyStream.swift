import Foundation
import Synchronization

/// The body of a streamed response as chunks of bytes, in order, as they arrive.
///
/// The buffer between the network and the reader is bounded: when it is full the transfer pauses until the
/// reader catches up. Cancelling the reading task, or dropping every copy of the stream, aborts the transfer.
public struct HTTPBodyStream: AsyncSequence, Sendable {
    public typealias Element = Data

    let channel: BodyChannel
    private let lifetime: Lifetime

    init(channel: BodyChannel) {
        self.channel = channel
        self.lifetime = Lifetime(channel: channel)
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        let channel: BodyChannel
        let lifetime: Lifetime

        public mutating func next() async throws -> Data? {
            try await channel.next()
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(channel: channel, lifetime: lifetime)
    }

    /// The body split into lines (LF or CRLF); a line longer than `maximumLineLength` bytes fails the sequence.
    public func lines(maximumLineLength: Int = 16 << 20) -> AsyncLineSequence<HTTPBodyStream> {
        AsyncLineSequence(base: self, maximumLineLength: maximumLineLength)
    }

    /// Aborts the transfer when the last reference to the stream goes away.
    final class Lifetime: Sendable {
        let channel: BodyChannel
        init(channel: BodyChannel) { self.channel = channel }
        deinit { channel.cancel() }
    }
}

/// The bounded buffer between a transfer (producer, on the I/O thread) and the stream's reader.
final class BodyChannel: Sendable {
    enum Offer { case accepted, pause, cancelled }

    private struct State {
        var chunks: [Data] = []
        var head = 0
        var bufferedBytes = 0
        var paused = false
        var cancelled = false
        var end: Result<Void, any Error>?
        var waiter: CheckedContinuation<Data?, any Error>?
    }

    private let state = Mutex(State())
    private let highWaterBytes: Int
    private let resumeProducer: @Sendable () -> Void
    private let abortProducer: @Sendable () -> Void

    init(
        highWaterBytes: Int, resumeProducer: @escaping @Sendable () -> Void,
        abortProducer: @escaping @Sendable () -> Void
    ) {
        self.highWaterBytes = highWaterBytes
        self.resumeProducer = resumeProducer
        self.abortProducer = abortProducer
    }

    /// Called by the producer. `.pause` means the chunk was not taken and must be offered again after a resume.
    func offer(_ bytes: UnsafeRawBufferPointer) -> Offer {
        state.withLock { state in
            if state.cancelled { return .cancelled }
            if let waiter = state.waiter {
                state.waiter = nil
                waiter.resume(returning: Data(bytes))
                return .accepted
            }
            if state.bufferedBytes >= highWaterBytes {
                state.paused = true
                return .pause
            }
            state.chunks.append(Data(bytes))
            state.bufferedBytes += bytes.count
            return .accepted
        }
    }

    func finish(_ end: Result<Void, any Error>) {
        state.withLock { state in
            guard state.end == nil else { return }
            state.end = end
            if let waiter = state.waiter {
                state.waiter = nil
                waiter.resume(with: end.map { nil })
            }
        }
    }

    func next() async throws -> Data? {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Data?, any Error>) in
                let resume = state.withLock { state -> Bool in
                    if state.head < state.chunks.count {
                        let chunk = state.chunks[state.head]
                        state.head += 1
                        state.bufferedBytes -= chunk.count
                        if state.head == state.chunks.count {
                            state.chunks.removeAll(keepingCapacity: true)
                            state.head = 0
                        }
                        continuation.resume(returning: chunk)
                        if state.paused && state.bufferedBytes <= highWaterBytes / 2 {
                            state.paused = false
                            return true
                        }
                        return false
                    }
                    if state.cancelled {
                        continuation.resume(throwing: CancellationError())
                    } else if let end = state.end {
                        continuation.resume(with: end.map { nil })
                    } else {
                        state.waiter = continuation
                    }
                    return false
                }
                if resume { resumeProducer() }
            }
        } onCancel: {
            cancel()
        }
    }

    /// Stops the transfer; a waiting reader gets `CancellationError`.
    func cancel() {
        let abort = state.withLock { state -> Bool in
            guard !state.cancelled else { return false }
            state.cancelled = true
            if let waiter = state.waiter {
                state.waiter = nil
                waiter.resume(throwing: CancellationError())
            }
            return state.end == nil
        }
        if abort { abortProducer() }
    }
}
