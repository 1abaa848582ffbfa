/// Reads and writes the one Lease an elector competes for, with optimistic concurrency.
public protocol LeaseStore: Sendable {
    /// The current lease, nil when it does not exist.
    func get() async throws -> LeaseRecord?

    /// Creates the lease; throws `LeaseConflictError` when it already exists.
    func create(_ record: LeaseRecord) async throws -> LeaseRecord

    /// Replaces the lease if its resourceVersion is still `resourceVersion`; throws `LeaseConflictError` otherwise.
    func update(_ record: LeaseRecord, ifResourceVersion resourceVersion: String) async throws -> LeaseRecord
}

/// Someone else wrote the lease first (409 Conflict, or AlreadyExists on create).
public struct LeaseConflictError: Error, Sendable, Hashable {
    public init() {}
}
