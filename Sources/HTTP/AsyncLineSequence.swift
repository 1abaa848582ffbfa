import Foundation

/// Splits a sequence of byte chunks into lines without their terminators (LF or CRLF).
/// A final line without a terminator is still returned.
public struct AsyncLineSequence<Base: AsyncSequence & Sendable>: AsyncSequence, Sendable where Base.Element == Data {
    public typealias Element = String

    let base: Base
    let maximumLineLength: Int

    public struct AsyncIterator: AsyncIteratorProtocol {
        var base: Base.AsyncIterator
        let maximumLineLength: Int
        /// Bytes received and not yet returned start at `lineStart`; `scanned` bytes past it hold no newline.
        var buffer = Data()
        var lineStart = 0
        var scanned = 0
        var exhausted = false

        public mutating func next() async throws -> String? {
            while true {
                let searchStart = buffer.startIndex + lineStart + scanned
                if let newline = buffer[searchStart...].firstIndex(of: UInt8(ascii: "\n")) {
                    let start = buffer.startIndex + lineStart
                    var end = newline
                    if end > start, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                    let line = String(decoding: buffer[start..<end], as: UTF8.self)
                    lineStart = newline + 1 - buffer.startIndex
                    scanned = 0
                    return line
                }
                scanned = buffer.count - lineStart
                if scanned > maximumLineLength {
                    throw HTTPClientError(.responseTooLarge, "line longer than \(maximumLineLength) bytes")
                }
                if exhausted {
                    guard scanned > 0 else { return nil }
                    let line = String(decoding: buffer[(buffer.startIndex + lineStart)...], as: UTF8.self)
                    lineStart = buffer.count
                    scanned = 0
                    return line
                }
                guard let chunk = try await base.next() else {
                    exhausted = true
                    continue
                }
                if lineStart > 0 {
                    buffer.removeSubrange(buffer.startIndex..<(buffer.startIndex + lineStart))
                    lineStart = 0
                }
                buffer.append(chunk)
            }
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: base.makeAsyncIterator(), maximumLineLength: maximumLineLength)
    }
}
