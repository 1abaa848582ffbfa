/// Where a session is in its life.
public enum SessionPhase: String, SchemaEnumeration {
    /// Waiting for its team to accept it.
    case pending = "Pending"
    /// The team is working on the input.
    case running = "Running"
    /// Finished with a result.
    case succeeded = "Succeeded"
    /// Ended without a result: rejected, over a budget, or a model or runner error.
    case failed = "Failed"
    /// Stopped on request (`spec.cancel`).
    case cancelled = "Cancelled"

    public var isFinished: Bool {
        switch self {
        case .succeeded, .failed, .cancelled: true
        case .pending, .running: false
        }
    }
}
