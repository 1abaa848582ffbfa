import Synchronization

/// Keeps every record in memory, for tests that assert what was logged.
public final class InMemoryLogHandler: LogHandler {
    private let storage = Mutex<[LogRecord]>([])

    public init() {}

    public func log(_ record: LogRecord) {
        storage.withLock { $0.append(record) }
    }

    /// The records logged so far, oldest first.
    public var records: [LogRecord] {
        storage.withLock { $0 }
    }

    public func removeAll() {
        storage.withLock { $0.removeAll() }
    }
}
