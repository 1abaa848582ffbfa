import Synchronization

/// Records when the reconcile of one awaited object starts, so that a latency can be taken from a patch's response.
final class ReconcileProbe: Sendable {
    private struct Awaited {
        var name: String?
        var startedAt: ContinuousClock.Instant?
    }

    private let awaited = Mutex(Awaited())

    /// Watches for the next reconcile of `name`; earlier reconciles of other objects are ignored.
    func expect(_ name: String) {
        awaited.withLock { $0 = Awaited(name: name, startedAt: nil) }
    }

    /// Called first thing by the reconcile under test.
    func reconcileStarted(_ name: String) {
        let now = ContinuousClock.now
        awaited.withLock { awaited in
            if awaited.name == name, awaited.startedAt == nil { awaited.startedAt = now }
        }
    }

    /// When the awaited reconcile started, or nil after `timeout`. Polls, which delays only the caller: the
    /// instant is taken inside the reconcile.
    func waitForStart(timeout: Duration = .seconds(5)) async -> ContinuousClock.Instant? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let started = awaited.withLock({ $0.startedAt }) { return started }
            try? await Task.sleep(for: .microseconds(200))
        }
        return nil
    }
}
