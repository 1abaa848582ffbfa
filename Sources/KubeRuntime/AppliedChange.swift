/// A change as it landed in a `Store`, published to the watcher's subscribers.
public enum AppliedChange<Object: RuntimeObject>: Sendable {
    case upserted(Object)
    case deleted(Object)
    /// A re-list swapped in `current`; `removed` were cached before and are gone from the new list.
    case replaced(current: [Object], removed: [Object])

    /// Every object the change touched, including removed ones, for enqueuing their keys.
    public var objects: [Object] {
        switch self {
        case .upserted(let object), .deleted(let object): [object]
        case .replaced(let current, let removed): current + removed
        }
    }
}
