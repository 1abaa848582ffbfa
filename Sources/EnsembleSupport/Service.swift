/// A long-running part of the process (a server, a controller loop) run by a `ServiceGroup`.
public protocol Service: Sendable {
    /// Used in logs and errors; defaults to the type's name.
    var name: String { get }

    /// Runs until the work is done or the task is cancelled; cancellation means "shut down gracefully":
    /// finish or hand back in-flight work, release resources, then return (or throw `CancellationError`).
    func run() async throws
}

extension Service {
    public var name: String { String(describing: type(of: self)) }
}
