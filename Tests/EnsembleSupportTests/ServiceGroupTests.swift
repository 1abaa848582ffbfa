import Foundation
import Synchronization
import Testing
@testable import EnsembleSupport

/// Records what the test services do, and lets a test wait until they have started.
private final class ServiceProbe: Sendable {
    let started: AsyncStream<String>
    private let startedContinuation: AsyncStream<String>.Continuation
    private let stoppedNames = Mutex<[String]>([])

    init() {
        (started, startedContinuation) = AsyncStream.makeStream()
    }

    func didStart(_ name: String) { startedContinuation.yield(name) }
    func didStop(_ name: String) { stoppedNames.withLock { $0.append(name) } }
    var stopped: Set<String> { Set(stoppedNames.withLock { $0 }) }

    func waitUntilStarted(count: Int) async {
        var iterator = started.makeAsyncIterator()
        for _ in 0..<count { _ = await iterator.next() }
    }
}

/// Runs until cancelled, then cleans up and returns, or rethrows the cancellation if `rethrowsCancellation`.
private struct WaitingService: Service {
    let name: String
    let probe: ServiceProbe
    var rethrowsCancellation = false

    func run() async throws {
        probe.didStart(name)
        do {
            try await Task.sleep(for: .seconds(3600))
        } catch {
            probe.didStop(name)
            if rethrowsCancellation { throw error }
        }
    }
}

private struct FailingService: Service {
    struct Failure: Error, Equatable {}
    let probe: ServiceProbe

    func run() async throws {
        probe.didStart(name)
        throw Failure()
    }
}

private struct ReturningService: Service {
    var name: String { "one-shot" }

    func run() async throws {}
}

@Suite(.timeLimit(.minutes(1))) struct ServiceGroupTests {
    @Test func triggeredShutdownStopsEveryService() async throws {
        let probe = ServiceProbe()
        let logs = InMemoryLogHandler()
        let group = ServiceGroup(
            services: [
                WaitingService(name: "api", probe: probe),
                WaitingService(name: "controller", probe: probe, rethrowsCancellation: true),
            ],
            gracefulShutdownSignals: [], logger: Logger(label: "lifecycle", handler: logs))
        let running = Task { try await group.run() }

        await probe.waitUntilStarted(count: 2)
        group.triggerGracefulShutdown()
        try await running.value

        #expect(probe.stopped == ["api", "controller"])
        let messages = logs.records.map(\.message)
        #expect(messages.filter { $0 == "service starting" }.count == 2)
        #expect(messages.filter { $0 == "service stopped" }.count == 2)
    }

    @Test func shutdownTriggeredBeforeRunStopsServicesAtOnce() async throws {
        let probe = ServiceProbe()
        let group = ServiceGroup(
            services: [WaitingService(name: "api", probe: probe)], gracefulShutdownSignals: [],
            logger: Logger(label: "lifecycle", handler: InMemoryLogHandler()))
        group.triggerGracefulShutdown()
        try await group.run()
        #expect(probe.stopped == ["api"])
    }

    @Test func signalStartsGracefulShutdown() async throws {
        let probe = ServiceProbe()
        let logs = InMemoryLogHandler()
        let group = ServiceGroup(
            services: [WaitingService(name: "api", probe: probe), WaitingService(name: "worker", probe: probe)],
            gracefulShutdownSignals: [SIGUSR1], logger: Logger(label: "lifecycle", handler: logs))
        let running = Task { try await group.run() }

        await probe.waitUntilStarted(count: 2)
        kill(getpid(), SIGUSR1)
        try await running.value

        #expect(probe.stopped == ["api", "worker"])
        let shutdown = logs.records.first { $0.message == "graceful shutdown requested" }
        #expect(shutdown?.metadata["reason"] == "SIGUSR1")
    }

    @Test func failingServiceStopsTheOthersAndItsErrorIsRethrown() async {
        let probe = ServiceProbe()
        let logs = InMemoryLogHandler()
        let group = ServiceGroup(
            services: [WaitingService(name: "api", probe: probe), FailingService(probe: probe)],
            gracefulShutdownSignals: [], logger: Logger(label: "lifecycle", handler: logs))

        await #expect(throws: FailingService.Failure()) { try await group.run() }
        #expect(probe.stopped == ["api"])
        #expect(logs.records.contains { $0.level == .error && $0.metadata["service"] == "FailingService" })
    }

    @Test func serviceReturningEarlyIsAnError() async {
        let probe = ServiceProbe()
        let group = ServiceGroup(
            services: [WaitingService(name: "api", probe: probe), ReturningService()], gracefulShutdownSignals: [],
            logger: Logger(label: "lifecycle", handler: InMemoryLogHandler()))

        await #expect(throws: ServiceGroupError.serviceFinishedUnexpectedly("one-shot")) { try await group.run() }
        #expect(probe.stopped == ["api"])
    }

    @Test func cancellingTheRunningTaskShutsDownGracefully() async throws {
        let probe = ServiceProbe()
        let group = ServiceGroup(
            services: [WaitingService(name: "api", probe: probe, rethrowsCancellation: true)],
            gracefulShutdownSignals: [], logger: Logger(label: "lifecycle", handler: InMemoryLogHandler()))
        let running = Task { try await group.run() }

        await probe.waitUntilStarted(count: 1)
        running.cancel()
        try await running.value
        #expect(probe.stopped == ["api"])
    }
}
