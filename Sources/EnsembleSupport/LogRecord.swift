import Foundation

/// One log event as handed to a `LogHandler`; its metadata has already been redacted.
public struct LogRecord: Sendable, Hashable {
    public var timestamp: Date
    public var level: LogLevel
    /// The label of the logger that emitted the record, usually the component's name.
    public var label: String
    public var message: String
    public var metadata: [String: JSONValue]
    /// The source file (as `#fileID`) that emitted the record, when known.
    public var file: String?
    public var line: UInt?

    public init(
        timestamp: Date = Date(), level: LogLevel, label: String, message: String,
        metadata: [String: JSONValue] = [:], file: String? = nil, line: UInt? = nil
    ) {
        self.timestamp = timestamp
        self.level = level
        self.label = label
        self.message = message
        self.metadata = metadata
        self.file = file
        self.line = line
    }
}
