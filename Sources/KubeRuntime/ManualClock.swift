import Synchronization

/// A clock that moves only when `advance(by:)` is called; sleepers wake once the time reaches their deadline.
public final class ManualClock: RuntimeClock {
    private struct Sleeper {
        let deadline: ContinuousClock.Instant
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now: ContinuousClock.Instant
        var sleepers: [Int: Sleeper] = [:]
        var nextID = 0
        var sleeperCountWaiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []

        mutating func resumeSleeperCountWaiters() {
            let count = sleepers.count
            sleeperCountWaiters.removeAll { waiter in
                guard count >= waiter.count else { return false }
                waiter.continuation.resume()
                return true
            }
        }
    }

    private let state: Mutex<State>

    public init(now: ContinuousClock.Instant = ContinuousClock.now) {
        state = Mutex(State(now: now))
    }

    public var now: ContinuousClock.Instant { state.withLock { $0.now } }

    /// How many tasks are sleeping on this clock right now.
    public var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    public func sleep(until deadline: ContinuousClock.Instant) async throws {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                state.withLock { state in
                    if Task.isCancelled {
                        continuation.resume(throwing: CancellationError())
                    } else if deadline <= state.now {
                        continuation.resume()
                    } else {
                        state.sleepers[id] = Sleeper(deadline: deadline, continuation: continuation)
                        state.resumeSleeperCountWaiters()
                    }
                }
            }
        } onCancel: {
            state.withLock { state in
                state.sleepers.removeValue(forKey: id)?.continuation.resume(throwing: CancellationError())
            }
        }
    }

    /// Moves the time forward and wakes every sleeper whose deadline has come.
    public func advance(by duration: Duration) {
        state.withLock { state in
            state.now = state.now.advanced(by: duration)
            let now = state.now
            for (id, sleeper) in state.sleepers where sleeper.deadline <= now {
                state.sleepers.removeValue(forKey: id)
                sleeper.continuation.resume()
            }
        }
    }

    /// Returns once at least `count` tasks are sleeping, so a test advances time only after they started waiting.
    public func waitForSleepers(count: Int) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            state.withLock { state in
                state.sleeperCountWaiters.append((count, continuation))
                state.resumeSleeperCountWaiters()
            }
        }
    }
}
