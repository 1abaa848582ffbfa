import EnsembleSupport
import Foundation
import Synchronization

/// Competes for a Lease and runs `lead` while holding it. Run it as a `Service`:
/// - when elected, `lead` starts in its own task; when leadership is lost (no renewal within the renew
///   deadline), that task is cancelled, awaited, `onStoppedLeading` is called and `run()` returns, as
///   client-go's elector does (the process is expected to stop or start over);
/// - when cancelled, the work is cancelled and awaited, then the lease is released if configured.
public final class LeaderElector: Service {
    public let configuration: LeaderElectionConfiguration
    private let store: any LeaseStore
    private let clock: any RuntimeClock
    private let wallClock: @Sendable () -> Date
    private let logger: Logger
    private let lead: @Sendable () async -> Void
    private let onStoppedLeading: @Sendable () -> Void
    private let leading = Atomic<Bool>(false)

    public init(
        configuration: LeaderElectionConfiguration, store: any LeaseStore, clock: any RuntimeClock = SystemClock(),
        wallClock: @escaping @Sendable () -> Date = { Date() }, logger: Logger,
        onStoppedLeading: @escaping @Sendable () -> Void = {}, lead: @escaping @Sendable () async -> Void
    ) {
        self.configuration = configuration
        self.store = store
        self.clock = clock
        self.wallClock = wallClock
        self.logger = logger.with(metadata: ["identity": .string(configuration.identity)])
        self.onStoppedLeading = onStoppedLeading
        self.lead = lead
    }

    public var name: String { "LeaderElector(\(configuration.identity))" }

    /// Whether this candidate currently leads (for readiness and tests).
    public var isLeader: Bool { leading.load(ordering: .acquiring) }

    public func run() async throws {
        var machine = LeaderElectionStateMachine(configuration: configuration)
        var work: Task<Void, Never>?
        while !Task.isCancelled {
            let transition = await attempt(&machine)
            switch transition {
            case .startedLeading:
                logger.info("became leader")
                leading.store(true, ordering: .releasing)
                work = Task { await lead() }
            case .stoppedLeading:
                logger.warning("lost leadership: the lease was not renewed within the renew deadline")
                await stopLeading(work)
                return
            case nil:
                break
            }
            do {
                try await clock.sleep(for: configuration.retryPeriod)
            } catch {
                break
            }
        }
        guard machine.isLeader else { return }
        await stopLeading(work)
        let plan = machine.release(wallTime: wallClock())
        if configuration.releaseOnCancel, case .update(let released, let version) = plan {
            // In a task of its own: this task is cancelled, and the release must still reach the server.
            let store = store
            let result = await Task { try await store.update(released, ifResourceVersion: version) }.result
            if case .failure(let error) = result {
                logger.warning("could not release the lease", metadata: ["error": .string(String(describing: error))])
            } else {
                logger.info("released the lease")
            }
        }
    }

    private func attempt(_ machine: inout LeaderElectionStateMachine) async -> LeaderElectionStateMachine.Transition? {
        let now = clock.now
        do {
            let current = try await store.get()
            switch machine.plan(observing: current, at: now, wallTime: wallClock()) {
            case .create(let record):
                return machine.succeeded(try await store.create(record), at: now)
            case .update(let record, let version):
                return machine.succeeded(try await store.update(record, ifResourceVersion: version), at: now)
            case .standBy:
                return machine.failed(at: now)
            }
        } catch {
            if !(error is LeaseConflictError) {
                logger.warning("lease request failed", metadata: ["error": .string(String(describing: error))])
            }
            return machine.failed(at: now)
        }
    }

    private func stopLeading(_ work: Task<Void, Never>?) async {
        work?.cancel()
        await work?.value
        leading.store(false, ordering: .releasing)
        onStoppedLeading()
    }
}
