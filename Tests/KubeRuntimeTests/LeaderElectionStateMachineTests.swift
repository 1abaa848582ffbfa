import Foundation
import Testing
import KubeRuntime

@Suite struct LeaderElectionStateMachineTests {
    let t0 = ContinuousClock.now
    let wall = Date(timeIntervalSince1970: 1_700_000_000)

    private func machine(_ identity: String = "me") -> LeaderElectionStateMachine {
        LeaderElectionStateMachine(configuration: LeaderElectionConfiguration(identity: identity))
    }

    private func held(by holder: String, rv: String = "7") -> LeaseRecord {
        LeaseRecord(holderIdentity: holder, leaseDurationSeconds: 15, acquireTime: wall, renewTime: wall, leaseTransitions: 2, resourceVersion: rv)
    }

    @Test func createsAMissingLease() {
        var machine = machine()
        #expect(machine.plan(observing: nil, at: t0, wallTime: wall) == .create(
            LeaseRecord(holderIdentity: "me", leaseDurationSeconds: 15, acquireTime: wall, renewTime: wall)))
        #expect(machine.succeeded(held(by: "me"), at: t0) == .startedLeading)
        #expect(machine.isLeader)
    }

    @Test func standsByWhileAnotherHolderRenewsAndTakesOverOnceExpired() {
        var machine = machine()
        #expect(machine.plan(observing: held(by: "other"), at: t0, wallTime: wall) == .standBy)
        #expect(machine.plan(observing: held(by: "other"), at: t0.advanced(by: .seconds(14)), wallTime: wall) == .standBy)
        // A renewal (new resourceVersion) restarts the wait, measured on this candidate's clock.
        #expect(machine.plan(observing: held(by: "other", rv: "8"), at: t0.advanced(by: .seconds(14)), wallTime: wall) == .standBy)
        #expect(machine.plan(observing: held(by: "other", rv: "8"), at: t0.advanced(by: .seconds(28)), wallTime: wall) == .standBy)
        let later = wall.addingTimeInterval(30)
        var takeover = held(by: "me", rv: "8")
        takeover.acquireTime = later
        takeover.renewTime = later
        takeover.leaseTransitions = 3
        #expect(machine.plan(observing: held(by: "other", rv: "8"), at: t0.advanced(by: .seconds(29)), wallTime: later)
            == .update(takeover, ifResourceVersion: "8"))
        #expect(machine.observedHolder == "other")
    }

    @Test func renewalKeepsTheAcquireTimeAndTransitions() {
        var machine = machine()
        let later = wall.addingTimeInterval(2)
        var renewed = held(by: "me")
        renewed.renewTime = later
        #expect(machine.plan(observing: held(by: "me"), at: t0, wallTime: later) == .update(renewed, ifResourceVersion: "7"))
    }

    @Test func freeLeaseIsAcquiredAtOnce() {
        var machine = machine()
        guard case .update(let record, _) = machine.plan(observing: held(by: ""), at: t0, wallTime: wall) else {
            Issue.record("expected an update"); return
        }
        #expect(record.holderIdentity == "me" && record.leaseTransitions == 3)
    }

    @Test func leaderStopsOnlyAfterTheRenewDeadline() {
        var machine = machine()
        _ = machine.plan(observing: nil, at: t0, wallTime: wall)
        _ = machine.succeeded(held(by: "me"), at: t0)
        #expect(machine.failed(at: t0.advanced(by: .seconds(9))) == nil)
        #expect(machine.isLeader)
        #expect(machine.failed(at: t0.advanced(by: .seconds(10))) == .stoppedLeading)
        #expect(!machine.isLeader)
        #expect(machine.failed(at: t0.advanced(by: .seconds(20))) == nil)
    }

    @Test func successfulRenewalMovesTheDeadline() {
        var machine = machine()
        _ = machine.succeeded(held(by: "me"), at: t0)
        #expect(machine.succeeded(held(by: "me", rv: "9"), at: t0.advanced(by: .seconds(8))) == nil)
        #expect(machine.failed(at: t0.advanced(by: .seconds(17))) == nil)
    }

    @Test func releaseClearsTheHolderWithAOneSecondLease() {
        var machine = machine()
        _ = machine.succeeded(held(by: "me", rv: "9"), at: t0)
        let later = wall.addingTimeInterval(5)
        #expect(machine.release(wallTime: later) == .update(
            LeaseRecord(holderIdentity: "", leaseDurationSeconds: 1, acquireTime: later, renewTime: later, leaseTransitions: 2, resourceVersion: "9"),
            ifResourceVersion: "9"))
        #expect(!machine.isLeader)
        #expect(machine.release(wallTime: later) == .standBy)
    }
}
