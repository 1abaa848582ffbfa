import Foundation
import HTTP
import KubeCore

/// The events of one watch, decoded line by line into concrete types as they arrive.
///
/// The sequence ends when the server closes the watch cleanly. It throws `KubeError` when the connection
/// breaks, and `.truncatedWatch` when it breaks inside an event: a half-received event is never returned.
/// Iterate once; cancelling the iterating task closes the connection.
public struct WatchStream<Object: Decodable & Sendable>: AsyncSequence, Sendable {
    public typealias Element = WatchEvent<Object>

    let body: HTTPBodyStream
    let operation: String

    public struct AsyncIterator: AsyncIteratorProtocol {
        var lines: WatchLineReader
        let operation: String
        let decoder = JSONDecoder()

        public mutating func next() async throws -> WatchEvent<Object>? {
            while let line = try await lines.next() {
                if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) { continue }
                do {
                    return try decoder.decode(WatchEvent<Object>.self, from: line)
                } catch {
                    throw KubeError.decoding(
                        error, typeName: "WatchEvent<\(Object.self)>", operation: operation)
                }
            }
            return nil
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(lines: WatchLineReader(body: body.makeAsyncIterator(), operation: operation), operation: operation)
    }
}

/// Splits a watch body into complete newline-terminated lines; bytes left without a newline when the stream
/// ends are a truncated event and fail the stream.
struct WatchLineReader {
    var body: HTTPBodyStream.AsyncIterator
    let operation: String
    var buffer = Data()
    var scanned = 0
    let maximumLineLength = 64 << 20

    mutating func next() async throws -> Data? {
        while true {
            if let newline = buffer[(buffer.startIndex + scanned)...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = Data(buffer[buffer.startIndex..<newline])
                buffer.removeSubrange(buffer.startIndex...newline)
                scanned = 0
                return line
            }
            scanned = buffer.count
            guard scanned <= maximumLineLength else {
                throw KubeError.invalidRequest("watch event longer than \(maximumLineLength) bytes", operation: operation)
            }
            let chunk: Data?
            do {
                chunk = try await body.next()
            } catch let error as HTTPClientError {
                if !buffer.isEmpty { throw KubeError.truncatedWatch(bytes: buffer.count, operation: operation) }
                throw KubeError.transport(error, operation: operation)
            }
            guard let chunk else {
                guard buffer.isEmpty else { throw KubeError.truncatedWatch(bytes: buffer.count, operation: operation) }
                return nil
            }
            buffer.append(chunk)
        }
    }
}
