import KubeClient
import KubeCore
import KubeRuntimeClient
import KubeTesting
import Testing
@testable import EnsembleCLI

/// A leader whose Lease renewal hangs must give up in time to step down before its lease expires.
@Suite struct LeaseClientTests {
    @Test func aHangingLeaseRequestFailsWithinHalfTheRenewDeadline() async throws {
        let emulator = KubeAPIEmulator()
        let base = try emulator.start()
        let client = KubeClient(configuration: ClientConfiguration(server: base, namespace: "default"))
        let leaseClient = ControllerManager.leaseClient(client, renewDeadline: .seconds(16))
        #expect(leaseClient.configuration.requestTimeout == .seconds(8))
        #expect(leaseClient.configuration.retry.maximumRetries == 0)
        let store = KubeLeaseStore(client: leaseClient, namespace: "default", name: "ensemble-controller")
        emulator.faults.delayNext(1, .init(verb: "get", resource: "leases"), by: .seconds(120))
        await #expect(throws: (any Error).self) { _ = try await store.get() }
        emulator.faults.failNext(1, .init(verb: "get", resource: "leases"), status: 503, retryAfterSeconds: 0)
        await #expect(throws: (any Error).self) { _ = try await store.get() }
        #expect(try await store.get() == nil, "answers again once the fault is gone")
        client.shutdown()
        leaseClient.shutdown()
        await emulator.shutdown()
    }
}
