import EnsembleSupport
import Synchronization

/// Runs a service and tells whether it is running, for readiness.
final class ObservedService: Service {
    private let base: any Service
    private let running = Atomic<Bool>(false)

    init(_ base: any Service) {
        self.base = base
    }

    var name: String { base.name }
    var isRunning: Bool { running.load(ordering: .acquiring) }

    func run() async throws {
        running.store(true, ordering: .releasing)
        defer { running.store(false, ordering: .releasing) }
        try await base.run()
    }
}
