/// A change the watcher applies to a `Store`.
public enum StoreChange<Object: RuntimeObject>: Sendable {
    /// The whole content after a (re-)list, swapped in atomically.
    case replaceAll([Object])
    case upsert(Object)
    case delete(Object)
}
