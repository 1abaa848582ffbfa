/// An error a reconciler throws to say how it should be retried: a terminal error is not retried until
/// the object changes (an invalid spec); any other error thrown by a reconcile is retried with backoff.
public struct ReconcileError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public let isTerminal: Bool
    public let underlying: (any Error)?

    public init(_ message: String, terminal: Bool = false, underlying: (any Error)? = nil) {
        self.message = message
        isTerminal = terminal
        self.underlying = underlying
    }

    public static func terminal(_ message: String, underlying: (any Error)? = nil) -> ReconcileError {
        ReconcileError(message, terminal: true, underlying: underlying)
    }

    public var description: String {
        guard let underlying else { return message }
        return "\(message): \(underlying)"
    }
}
