import KubeClient
import KubeCore
import KubeRuntime
import Synchronization

/// The `coordination.k8s.io/v1` Lease named `name` in `namespace`, as a `LeaseStore`: writes carry the
/// resourceVersion last read, so the server's 409 Conflict (or AlreadyExists on create) becomes
/// `LeaseConflictError`. Updates keep the Lease's other fields (labels, annotations) as last read.
public final class KubeLeaseStore: LeaseStore {
    public let client: KubeClient
    public let namespace: String
    public let name: String
    private let lastRead = Mutex<Lease?>(nil)

    public init(client: KubeClient, namespace: String, name: String) {
        self.client = client
        self.namespace = namespace
        self.name = name
    }

    public func get() async throws -> LeaseRecord? {
        do {
            let lease = try await client.get(Lease.self, name, namespace: namespace)
            lastRead.withLock { $0 = lease }
            return LeaseRecord(lease)
        } catch let error as KubeError where error.isNotFound {
            lastRead.withLock { $0 = nil }
            return nil
        }
    }

    public func create(_ record: LeaseRecord) async throws -> LeaseRecord {
        let lease = Lease(metadata: ObjectMeta(name: name, namespace: namespace), spec: LeaseSpec(record))
        return try await remembering { try await client.create(lease, namespace: namespace) }
    }

    public func update(_ record: LeaseRecord, ifResourceVersion resourceVersion: String) async throws -> LeaseRecord {
        var lease = lastRead.withLock { $0 } ?? Lease(metadata: ObjectMeta(name: name, namespace: namespace))
        lease.metadata.resourceVersion = resourceVersion
        lease.metadata.managedFields = nil
        lease.spec = LeaseSpec(record, keeping: lease.spec)
        return try await remembering { try await client.update(lease, namespace: namespace) }
    }

    private func remembering(_ write: () async throws -> Lease) async throws -> LeaseRecord {
        do {
            let written = try await write()
            lastRead.withLock { $0 = written }
            return LeaseRecord(written)
        } catch let error as KubeError where error.isConflict || error.isAlreadyExists {
            throw LeaseConflictError()
        }
    }
}

extension LeaseRecord {
    init(_ lease: Lease) {
        let spec = lease.spec ?? LeaseSpec()
        self.init(
            holderIdentity: spec.holderIdentity ?? "", leaseDurationSeconds: Int(spec.leaseDurationSeconds ?? 0),
            acquireTime: spec.acquireTime?.date, renewTime: spec.renewTime?.date,
            leaseTransitions: Int(spec.leaseTransitions ?? 0), resourceVersion: lease.metadata.resourceVersion ?? "")
    }
}

extension LeaseSpec {
    init(_ record: LeaseRecord, keeping previous: LeaseSpec? = nil) {
        self = previous ?? LeaseSpec()
        holderIdentity = record.holderIdentity
        leaseDurationSeconds = Int32(record.leaseDurationSeconds)
        acquireTime = record.acquireTime.map(MicroTime.init)
        renewTime = record.renewTime.map(MicroTime.init)
        leaseTransitions = Int32(record.leaseTransitions)
    }
}
