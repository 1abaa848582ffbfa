import EnsembleSupport

/// What a reconcile gets besides its key: a logger carrying the controller, key and reconcile id.
public struct ReconcileContext: Sendable {
    /// Unique within the process; ties together every log line of one reconcile.
    public let reconcileID: String
    public let logger: Logger
}
