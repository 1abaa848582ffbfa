import EnsembleSupport
import KubeClient
import KubeCore
import KubeRuntime
import KubeRuntimeClient
import Testing

@Suite struct LeaseElectionTests {
    private func elector(_ identity: String, _ fixture: EmulatorFixture, releaseOnCancel: Bool) -> LeaderElector {
        LeaderElector(
            configuration: LeaderElectionConfiguration(
                identity: identity, leaseDuration: .seconds(2), renewDeadline: .milliseconds(1500),
                retryPeriod: .milliseconds(200), releaseOnCancel: releaseOnCancel),
            store: KubeLeaseStore(client: fixture.client, namespace: "default", name: "election"),
            logger: fixture.logger
        ) {
            while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
        }
    }

    private func holder(_ fixture: EmulatorFixture) async -> String? {
        try? await fixture.client.get(Lease.self, "election", namespace: "default").spec?.holderIdentity
    }

    @Test(arguments: [false, true])
    func exactlyOneLeadsAndTheOtherTakesOverWhenTheLeaderStops(releaseOnCancel: Bool) async throws {
        let fixture = try EmulatorFixture()
        let first = elector("first", fixture, releaseOnCancel: releaseOnCancel)
        let second = elector("second", fixture, releaseOnCancel: releaseOnCancel)
        let tasks = [first, second].map { candidate in Task { try await candidate.run() } }

        #expect(await eventually { first.isLeader || second.isLeader })
        let (leader, follower, leaderTask) = first.isLeader ? (first, second, tasks[0]) : (second, first, tasks[1])
        #expect(!follower.isLeader)
        #expect(await holder(fixture) == leader.configuration.identity)

        leaderTask.cancel()
        _ = await leaderTask.result
        #expect(!leader.isLeader)
        #expect(await eventually { follower.isLeader })
        #expect(await eventually { await holder(fixture) == follower.configuration.identity })

        for task in tasks { task.cancel() }
        for task in tasks { _ = await task.result }
        await fixture.shutdown()
    }

    @Test func writesWithAStaleResourceVersionConflict() async throws {
        let fixture = try EmulatorFixture()
        let store = KubeLeaseStore(client: fixture.client, namespace: "default", name: "election")
        #expect(try await store.get() == nil)
        let created = try await store.create(LeaseRecord(holderIdentity: "a", leaseDurationSeconds: 15))
        await #expect(throws: LeaseConflictError.self) {
            try await store.create(LeaseRecord(holderIdentity: "b", leaseDurationSeconds: 15))
        }
        let renewed = try await store.update(
            LeaseRecord(holderIdentity: "a", leaseDurationSeconds: 15, leaseTransitions: 1),
            ifResourceVersion: created.resourceVersion)
        #expect(renewed.leaseTransitions == 1)
        await #expect(throws: LeaseConflictError.self) {
            try await store.update(
                LeaseRecord(holderIdentity: "b", leaseDurationSeconds: 15), ifResourceVersion: created.resourceVersion)
        }
        #expect(try await store.get()?.holderIdentity == "a")
        await fixture.shutdown()
    }
}
