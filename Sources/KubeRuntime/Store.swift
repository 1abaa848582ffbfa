import Synchronization

/// A thread-safe cache of the objects of one resource, keyed by namespace/name, with indexes.
///
/// Fed by a `Watcher`; a re-list replaces the content atomically, so readers see the old list or the new one,
/// never a mix. Reads return copies and never suspend.
public final class Store<Object: RuntimeObject>: Sendable {
    private struct State {
        var objects: [ObjectKey: Object] = [:]
        /// index name → indexed value → keys
        var indexed: [String: [String: Set<ObjectKey>]] = [:]
        var isSynced = false
        var syncWaiters: [Int: CheckedContinuation<Void, any Error>] = [:]
        var nextWaiterID = 0

    mutating func removeFromIndexes(key: ObjectKey, values: [(String, [String])]) {
        for (name, indexValues) in values {
            for value in indexValues {
                indexed[name]?[value]?.remove(key)
                if indexed[name]?[value]?.isEmpty == true {
                    indexed[name]?[value] = nil
                }
            }
        }
    }
    }

    private let indexes: [StoreIndex<Object>]
    private let state = Mutex(State())

    /// - Parameter indexes: custom indexes, kept alongside the built-in namespace, owner UID and label indexes.
    public init(indexes: [StoreIndex<Object>] = []) {
        let builtIn: [StoreIndex<Object>] = [.byNamespace, .byOwnerUID, .byLabel]
        var seen = Set<String>()
        for index in builtIn + indexes {
            precondition(seen.insert(index.name).inserted, "store index \(index.name) is defined twice")
        }
        self.indexes = builtIn + indexes
    }

    // MARK: Reads

    public func get(_ key: ObjectKey) -> Object? {
        state.withLock { $0.objects[key] }
    }

    public var count: Int { state.withLock { $0.objects.count } }

    public func snapshot() -> StoreSnapshot<Object> {
        StoreSnapshot(objects: state.withLock { $0.objects })
    }

    /// Every object, ordered by key.
    public func list() -> [Object] {
        snapshot().sorted
    }

    /// The objects whose index `name` holds `value`, ordered by key.
    public func list(index name: String, value: String) -> [Object] {
        precondition(indexes.contains { $0.name == name }, "store has no index named \(name)")
        return state.withLock { state in
            (state.indexed[name]?[value] ?? []).compactMap { state.objects[$0] }
        }.sorted { $0.key < $1.key }
    }

    public func list(namespace: String) -> [Object] {
        list(index: StoreIndex<Object>.byNamespace.name, value: namespace)
    }

    public func list(ownerUID: String) -> [Object] {
        list(index: StoreIndex<Object>.byOwnerUID.name, value: ownerUID)
    }

    /// The objects carrying every one of `labels` (an equality-based label selector), optionally in one namespace.
    public func list(labels: [String: String], namespace: String? = nil) -> [Object] {
        let labelIndex = StoreIndex<Object>.byLabel.name
        return state.withLock { state in
            var keys: Set<ObjectKey>? = namespace.map { state.indexed[StoreIndex<Object>.byNamespace.name]?[$0] ?? [] }
            for (key, value) in labels {
                let matching = state.indexed[labelIndex]?[StoreIndex<Object>.labelIndexValue(key: key, value: value)] ?? []
                keys = keys.map { $0.intersection(matching) } ?? matching
            }
            return (keys.map(Array.init) ?? Array(state.objects.keys)).compactMap { state.objects[$0] }
        }.sorted { $0.key < $1.key }
    }

    // MARK: Sync

    /// Whether a first full list has been applied.
    public var isSynced: Bool { state.withLock { $0.isSynced } }

    /// Returns once a first full list has been applied; throws `CancellationError` if the task is cancelled first.
    public func waitUntilSynced() async throws {
        let id = state.withLock { state in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                state.withLock { state in
                    if state.isSynced {
                        continuation.resume()
                    } else if Task.isCancelled {
                        continuation.resume(throwing: CancellationError())
                    } else {
                        state.syncWaiters[id] = continuation
                    }
                }
            }
        } onCancel: {
            state.withLock { state in
                state.syncWaiters.removeValue(forKey: id)?.resume(throwing: CancellationError())
            }
        }
    }

    // MARK: Writes

    @discardableResult
    public func apply(_ change: StoreChange<Object>) -> AppliedChange<Object> {
        switch change {
        case .replaceAll(let objects):
            let removed = replaceAll(objects)
            return .replaced(current: objects, removed: removed)
        case .upsert(let object):
            upsert(object)
            return .upserted(object)
        case .delete(let object):
            delete(object.key)
            return .deleted(object)
        }
    }

    /// Swaps in `objects` as the whole content and marks the store synced; returns the objects no longer present.
    @discardableResult
    public func replaceAll(_ objects: [Object]) -> [Object] {
        var fresh: [ObjectKey: Object] = [:]
        var indexed: [String: [String: Set<ObjectKey>]] = [:]
        for object in objects {
            let key = object.key
            fresh[key] = object
            for index in indexes {
                for value in index.values(object) {
                    indexed[index.name, default: [:]][value, default: []].insert(key)
                }
            }
        }
        let (removed, waiters) = state.withLock { state in
            let removed = state.objects.filter { fresh[$0.key] == nil }.map(\.value)
            state.objects = fresh
            state.indexed = indexed
            state.isSynced = true
            let waiters = Array(state.syncWaiters.values)
            state.syncWaiters.removeAll()
            return (removed, waiters)
        }
        for waiter in waiters {
            waiter.resume()
        }
        return removed
    }

    public func upsert(_ object: Object) {
        let key = object.key
        let values = indexes.map { ($0.name, $0.values(object)) }
        state.withLock { state in
            if let previous = state.objects[key] {
                state.removeFromIndexes(key: key, values: indexes.map { ($0.name, $0.values(previous)) })
            }
            state.objects[key] = object
            for (name, indexValues) in values {
                for value in indexValues {
                    state.indexed[name, default: [:]][value, default: []].insert(key)
                }
            }
        }
    }

    public func delete(_ key: ObjectKey) {
        state.withLock { state in
            guard let previous = state.objects.removeValue(forKey: key) else { return }
            state.removeFromIndexes(key: key, values: indexes.map { ($0.name, $0.values(previous)) })
        }
    }
}
