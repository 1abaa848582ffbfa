import Foundation

/// client-go's leader election as a pure value. Each round the elector reads the lease and asks `plan` what to
/// write; it reports the write's outcome with `succeeded` or `failed`, which say when leadership starts or stops.
///
/// Expiry is judged on this candidate's own clock, from when it last saw the lease change (as client-go does),
/// so clock skew between candidates does not matter.
public struct LeaderElectionStateMachine: Sendable {
    public enum Plan: Sendable, Hashable {
        case create(LeaseRecord)
        case update(LeaseRecord, ifResourceVersion: String)
        /// Someone else holds a lease that has not expired.
        case standBy
    }

    public enum Transition: Sendable, Hashable {
        case startedLeading
        case stoppedLeading
    }

    public let configuration: LeaderElectionConfiguration
    public private(set) var isLeader = false
    /// The holder of the lease as last observed; empty when free or unknown.
    public private(set) var observedHolder = ""
    private var observed: LeaseRecord?
    private var observedAt: ContinuousClock.Instant?
    private var lastRenewal: ContinuousClock.Instant?

    public init(configuration: LeaderElectionConfiguration) {
        self.configuration = configuration
    }

    public mutating func plan(observing current: LeaseRecord?, at now: ContinuousClock.Instant, wallTime: Date) -> Plan {
        observe(current, at: now)
        guard let current else {
            return .create(
                LeaseRecord(
                    holderIdentity: configuration.identity, leaseDurationSeconds: configuration.leaseDurationSeconds,
                    acquireTime: wallTime, renewTime: wallTime))
        }
        let heldByOther = !current.holderIdentity.isEmpty && current.holderIdentity != configuration.identity
        if heldByOther && !isExpired(current, at: now) {
            return .standBy
        }
        var next = current
        next.renewTime = wallTime
        next.leaseDurationSeconds = configuration.leaseDurationSeconds
        if current.holderIdentity != configuration.identity {
            next.holderIdentity = configuration.identity
            next.acquireTime = wallTime
            next.leaseTransitions += 1
        }
        return .update(next, ifResourceVersion: current.resourceVersion)
    }

    /// The planned write went through; `written` is the lease as stored.
    public mutating func succeeded(_ written: LeaseRecord, at now: ContinuousClock.Instant) -> Transition? {
        observe(written, at: now)
        lastRenewal = now
        guard !isLeader else { return nil }
        isLeader = true
        return .startedLeading
    }

    /// Reading or writing failed, or the lease is held by another; a leader gives up once it has not renewed
    /// for the renew deadline.
    public mutating func failed(at now: ContinuousClock.Instant) -> Transition? {
        guard isLeader, let lastRenewal, lastRenewal.duration(to: now) >= configuration.renewDeadline else {
            return nil
        }
        isLeader = false
        return .stoppedLeading
    }

    /// The write that hands the lease back on a graceful stop (holder cleared, 1 s duration, as client-go's
    /// ReleaseOnCancel); `.standBy` when this candidate does not hold it. Leadership ends either way.
    public mutating func release(wallTime: Date) -> Plan {
        defer { isLeader = false }
        guard isLeader, let observed, observed.holderIdentity == configuration.identity else { return .standBy }
        var released = observed
        released.holderIdentity = ""
        released.leaseDurationSeconds = 1
        released.acquireTime = wallTime
        released.renewTime = wallTime
        return .update(released, ifResourceVersion: observed.resourceVersion)
    }

    private mutating func observe(_ record: LeaseRecord?, at now: ContinuousClock.Instant) {
        guard record != observed else { return }
        observed = record
        observedAt = now
        observedHolder = record?.holderIdentity ?? ""
    }

    private func isExpired(_ record: LeaseRecord, at now: ContinuousClock.Instant) -> Bool {
        guard let observedAt else { return true }
        return observedAt.advanced(by: .seconds(record.leaseDurationSeconds)) <= now
    }
}
