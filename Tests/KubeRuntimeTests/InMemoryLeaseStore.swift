import KubeRuntime

/// One Lease in memory with the API server's optimistic concurrency, plus injectable request failures.
final class InMemoryLeaseStore: LeaseStore {
    struct Unavailable: Error {}

    fileprivate struct State: Sendable {
        var record: LeaseRecord?
        var revision = 0
        var failingRequests = 0
    }

    private let state = Locked(State())

    var record: LeaseRecord? { state.value.record }

    /// Makes every request fail (as an unreachable API server) until `heal()`.
    func breakDown() { state.withLock { $0.failingRequests = .max } }

    func heal() { state.withLock { $0.failingRequests = 0 } }

    func get() async throws -> LeaseRecord? {
        try state.withLock { state in
            try state.failIfBroken()
            return state.record
        }
    }

    func create(_ record: LeaseRecord) async throws -> LeaseRecord {
        try state.withLock { state in
            try state.failIfBroken()
            guard state.record == nil else { throw LeaseConflictError() }
            return state.store(record)
        }
    }

    func update(_ record: LeaseRecord, ifResourceVersion resourceVersion: String) async throws -> LeaseRecord {
        try state.withLock { state in
            try state.failIfBroken()
            guard let current = state.record, current.resourceVersion == resourceVersion else { throw LeaseConflictError() }
            return state.store(record)
        }
    }
}

extension InMemoryLeaseStore.State {
    mutating func failIfBroken() throws {
        guard failingRequests == 0 else { throw InMemoryLeaseStore.Unavailable() }
    }

    mutating func store(_ record: LeaseRecord) -> LeaseRecord {
        revision += 1
        var stored = record
        stored.resourceVersion = String(revision)
        self.record = stored
        return stored
    }
}
