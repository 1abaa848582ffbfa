import Foundation
import Synchronization

/// Writes each record as one line of JSON to a file descriptor (standard error by default):
/// `ts` (RFC 3339, UTC, milliseconds), `level`, `logger`, `msg`, optionally `source`, then the metadata keys sorted.
///
/// Each line goes out whole, in one `write(2)` under a lock, so concurrent records never interleave.
/// A metadata key equal to one of the fixed fields is written as `metadata.<key>`.
/// The handler does not own the descriptor and never closes it.
public final class JSONLinesLogHandler: LogHandler {
    private let fileDescriptor: Int32
    private let includeSource: Bool
    private let writeLock = Mutex(())

    private static let fixedFields: Set<String> = ["ts", "level", "logger", "msg", "source"]

    /// - Parameter includeSource: adds `"source":"Module/File.swift:42"` to every line.
    public init(fileDescriptor: Int32 = STDERR_FILENO, includeSource: Bool = false) {
        self.fileDescriptor = fileDescriptor
        self.includeSource = includeSource
    }

    public func log(_ record: LogRecord) {
        var line = Self.line(for: record, includeSource: includeSource)
        line.withUTF8 { bytes in
            writeLock.withLock { _ in writeFully(bytes) }
        }
    }

    /// Loops only when the kernel accepts part of the line (or the call is interrupted).
    private func writeFully(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = write(fileDescriptor, start + offset, bytes.count - offset)
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                return
            }
        }
    }

    static func line(for record: LogRecord, includeSource: Bool) -> String {
        var line = "{\"ts\":\"" + rfc3339Milliseconds(record.timestamp) + "\",\"level\":\"" + record.level.rawValue
        line += "\",\"logger\":"
        JSONText.writeString(record.label, to: &line)
        line += ",\"msg\":"
        JSONText.writeString(record.message, to: &line)
        if includeSource, let file = record.file, let lineNumber = record.line {
            line += ",\"source\":"
            JSONText.writeString("\(file):\(lineNumber)", to: &line)
        }
        let metadata = record.metadata.map { key, value in (key: fixedFields.contains(key) ? "metadata." + key : key, value) }
        for (key, value) in metadata.sorted(by: { $0.key < $1.key }) {
            line += ","
            JSONText.writeString(key, to: &line)
            line += ":" + JSONText.string(value)
        }
        line += "}\n"
        return line
    }

    /// `2024-05-01T12:34:56.789Z`, rounded to the nearest millisecond.
    static func rfc3339Milliseconds(_ date: Date) -> String {
        let totalMilliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (seconds, milliseconds) = totalMilliseconds.quotientAndRemainder(dividingBy: 1000)
        var wholeSeconds = time_t(milliseconds < 0 ? seconds - 1 : seconds)
        var parts = tm()
        gmtime_r(&wholeSeconds, &parts)
        func padded(_ number: Int32, _ width: Int) -> String {
            let digits = String(number)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return padded(parts.tm_year + 1900, 4) + "-" + padded(parts.tm_mon + 1, 2) + "-" + padded(parts.tm_mday, 2)
            + "T" + padded(parts.tm_hour, 2) + ":" + padded(parts.tm_min, 2) + ":" + padded(parts.tm_sec, 2)
            + "." + padded(Int32((milliseconds + 1000) % 1000), 3) + "Z"
    }
}
