/// The backend behind `Logger`: receives every record that passed the logger's level check.
///
/// Handlers are called concurrently from any thread and must not suspend; they serialize their own output.
public protocol LogHandler: Sendable {
    func log(_ record: LogRecord)
}
