/// What the `WatcherStateMachine` asks its driver to do next.
public enum WatcherAction<Object: RuntimeObject>: Sendable {
    /// Request a list page, the first when `continueToken` is nil.
    case list(continueToken: String?)
    /// Open a watch from `resourceVersion`, asking the server to end it after `timeout`.
    case watch(from: String, timeout: Duration)
    case apply(StoreChange<Object>)
    /// Sleep, then report `waitFinished()`.
    case wait(Duration)
}
