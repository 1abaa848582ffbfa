import EnsembleSupport
import Foundation
import Testing
import KubeRuntime

@Suite struct LeaderElectorTests {
    let store = InMemoryLeaseStore()
    let clock = ManualClock()

    final class Candidate: Sendable {
        let elector: LeaderElector
        let working = Locked(false)
        let stopped = Locked(0)

        init(_ identity: String, store: InMemoryLeaseStore, clock: ManualClock, releaseOnCancel: Bool) {
            let working = working
            let stopped = stopped
            elector = LeaderElector(
                configuration: LeaderElectionConfiguration(identity: identity, releaseOnCancel: releaseOnCancel),
                store: store, clock: clock, logger: Logger(label: identity, handler: InMemoryLogHandler()),
                onStoppedLeading: { stopped.withLock { $0 += 1 } }
            ) {
                working.withLock { $0 = true }
                // The leader's work runs until leadership ends.
                while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
                working.withLock { $0 = false }
            }
        }
    }

    /// Advances the clock one retry period at a time, each time once all `sleepers` candidates wait again.
    private func advance(_ rounds: Int, sleepers: Int) async {
        for _ in 0..<rounds {
            await clock.waitForSleepers(count: sleepers)
            clock.advance(by: .seconds(2))
        }
        await clock.waitForSleepers(count: sleepers)
    }

    @Test func exactlyOneLeadsAndTheOtherTakesOverWhenTheLeaderStopsRenewing() async throws {
        let a = Candidate("a", store: store, clock: clock, releaseOnCancel: false)
        let b = Candidate("b", store: store, clock: clock, releaseOnCancel: false)
        let runA = Task { try await a.elector.run() }
        let runB = Task { try await b.elector.run() }
        await advance(5, sleepers: 2)
        #expect(a.elector.isLeader != b.elector.isLeader)
        let (leader, follower, leaderRun, followerRun) = a.elector.isLeader ? (a, b, runA, runB) : (b, a, runB, runA)
        #expect(store.record?.holderIdentity == leader.elector.configuration.identity)
        #expect(await eventually { leader.working.value })

        // The leader dies without releasing: the follower waits out the lease duration, then takes over.
        leaderRun.cancel()
        try await leaderRun.value
        #expect(leader.stopped.value == 1 && !leader.working.value)
        await advance(6, sleepers: 1)
        #expect(!follower.elector.isLeader)
        // It last saw the lease change between 8 s and 12 s, so the lease has expired for it by 28 s.
        await advance(3, sleepers: 1)
        #expect(follower.elector.isLeader)
        #expect(store.record?.holderIdentity == follower.elector.configuration.identity)
        #expect(store.record?.leaseTransitions == 1)
        #expect(await eventually { follower.working.value })
        followerRun.cancel()
        try await followerRun.value
    }

    @Test func gracefulStopReleasesTheLeaseForAnImmediateTakeover() async throws {
        let a = Candidate("a", store: store, clock: clock, releaseOnCancel: true)
        let runA = Task { try await a.elector.run() }
        await clock.waitForSleepers(count: 1)
        #expect(a.elector.isLeader)
        let b = Candidate("b", store: store, clock: clock, releaseOnCancel: true)
        let runB = Task { try await b.elector.run() }
        await advance(1, sleepers: 2)
        #expect(!b.elector.isLeader)
        runA.cancel()
        try await runA.value
        #expect(store.record?.holderIdentity == "")
        #expect(store.record?.leaseDurationSeconds == 1)
        await advance(1, sleepers: 1)
        #expect(b.elector.isLeader)
        runB.cancel()
        try await runB.value
        #expect(store.record?.holderIdentity == "")
    }

    @Test func leaderStopsWorkingWhenItCannotRenewWithinTheDeadline() async throws {
        let a = Candidate("a", store: store, clock: clock, releaseOnCancel: true)
        let run = Task { try await a.elector.run() }
        await clock.waitForSleepers(count: 1)
        #expect(a.elector.isLeader)
        #expect(await eventually { a.working.value })
        store.breakDown()
        await advance(4, sleepers: 1)
        #expect(a.elector.isLeader)
        clock.advance(by: .seconds(2))
        // Leadership is lost: the work is cancelled and run() returns without touching the lease.
        try await run.value
        #expect(!a.elector.isLeader && !a.working.value && a.stopped.value == 1)
        #expect(store.record?.holderIdentity == "a")
    }

    @Test func simultaneousCandidatesConflictAndOneWins() async throws {
        let candidates = (0..<4).map { Candidate("c\($0)", store: store, clock: clock, releaseOnCancel: false) }
        let runs = candidates.map { candidate in Task { try await candidate.elector.run() } }
        await advance(3, sleepers: 4)
        #expect(candidates.filter(\.elector.isLeader).count == 1)
        #expect(store.record.map { record in candidates.contains { $0.elector.configuration.identity == record.holderIdentity } } == true)
        for run in runs { run.cancel() }
        for run in runs { try await run.value }
    }
}
