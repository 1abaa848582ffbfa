import Foundation

/// The fields of a `coordination.k8s.io/v1` Lease that leader election reads and writes.
public struct LeaseRecord: Sendable, Hashable {
    /// Empty when nobody holds the lease (after a release).
    public var holderIdentity: String
    public var leaseDurationSeconds: Int
    public var acquireTime: Date?
    public var renewTime: Date?
    public var leaseTransitions: Int
    /// Set by the store; the precondition of the next update.
    public var resourceVersion: String

    public init(
        holderIdentity: String, leaseDurationSeconds: Int, acquireTime: Date? = nil, renewTime: Date? = nil,
        leaseTransitions: Int = 0, resourceVersion: String = ""
    ) {
        self.holderIdentity = holderIdentity
        self.leaseDurationSeconds = leaseDurationSeconds
        self.acquireTime = acquireTime
        self.renewTime = renewTime
        self.leaseTransitions = leaseTransitions
        self.resourceVersion = resourceVersion
    }
}
