/// What a reconcile asks for once it succeeded.
public enum ReconcileResult: Sendable, Hashable {
    /// Nothing more until the next change.
    case done
    /// Reconcile the key again after `after` (for example to poll progress), without counting a failure.
    case requeue(after: Duration)
}
