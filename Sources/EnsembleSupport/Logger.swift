import Foundation

/// A small logging front end in the style of swift-log: a label, a minimum level and metadata, over a `LogHandler`.
///
/// The message and metadata arguments are evaluated only when the level passes, and metadata is redacted
/// (see `LogRedaction`) before any handler sees it.
public struct Logger: Sendable {
    public let label: String
    public var minimumLevel: LogLevel
    /// Attached to every record; a call's own metadata wins on equal keys.
    public var metadata: [String: JSONValue]
    public var handler: any LogHandler

    public init(label: String, minimumLevel: LogLevel = .info, metadata: [String: JSONValue] = [:], handler: any LogHandler) {
        self.label = label
        self.minimumLevel = minimumLevel
        self.metadata = metadata
        self.handler = handler
    }

    /// A logger with the same label, level and handler whose metadata adds (or replaces) `metadata`.
    public func with(metadata additional: [String: JSONValue]) -> Logger {
        var child = self
        child.metadata.merge(additional) { _, new in new }
        return child
    }

    public func isEnabled(_ level: LogLevel) -> Bool {
        level >= minimumLevel
    }

    public func log(
        level: LogLevel, _ message: @autoclosure () -> String,
        metadata: @autoclosure () -> [String: JSONValue] = [:], file: String = #fileID, line: UInt = #line
    ) {
        guard isEnabled(level) else { return }
        var merged = self.metadata
        let callMetadata = metadata()
        if !callMetadata.isEmpty {
            merged.merge(callMetadata) { _, new in new }
        }
        handler.log(
            LogRecord(
                level: level, label: label, message: message(), metadata: LogRedaction.redact(merged),
                file: file, line: line))
    }

    public func trace(
        _ message: @autoclosure () -> String, metadata: @autoclosure () -> [String: JSONValue] = [:],
        file: String = #fileID, line: UInt = #line
    ) {
        log(level: .trace, message(), metadata: metadata(), file: file, line: line)
    }

    public func debug(
        _ message: @autoclosure () -> String, metadata: @autoclosure () -> [String: JSONValue] = [:],
        file: String = #fileID, line: UInt = #line
    ) {
        log(level: .debug, message(), metadata: metadata(), file: file, line: line)
    }

    public func info(
        _ message: @autoclosure () -> String, metadata: @autoclosure () -> [String: JSONValue] = [:],
        file: String = #fileID, line: UInt = #line
    ) {
        log(level: .info, message(), metadata: metadata(), file: file, line: line)
    }

    public func notice(
        _ message: @autoclosure () -> String, metadata: @autoclosure () -> [String: JSONValue] = [:],
        file: String = #fileID, line: UInt = #line
    ) {
        log(level: .notice, message(), metadata: metadata(), file: file, line: line)
    }

    public func warning(
        _ message: @autoclosure () -> String, metadata: @autoclosure () -> [String: JSONValue] = [:],
        file: String = #fileID, line: UInt = #line
    ) {
        log(level: .warning, message(), metadata: metadata(), file: file, line: line)
    }

    public func error(
        _ message: @autoclosure () -> String, metadata: @autoclosure () -> [String: JSONValue] = [:],
        file: String = #fileID, line: UInt = #line
    ) {
        log(level: .error, message(), metadata: metadata(), file: file, line: line)
    }

    public func critical(
        _ message: @autoclosure () -> String, metadata: @autoclosure () -> [String: JSONValue] = [:],
        file: String = #fileID, line: UInt = #line
    ) {
        log(level: .critical, message(), metadata: metadata(), file: file, line: line)
    }
}
