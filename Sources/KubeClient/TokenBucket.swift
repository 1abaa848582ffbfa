import Synchronization

/// Hands out permits at a steady rate with a burst allowance. Each caller reserves its permit under the lock and
/// then sleeps (suspending, not blocking) until it is due, so waiters are served in arrival order.
final class TokenBucket: Sendable {
    private struct State {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    private let limit: RateLimit
    private let state: Mutex<State>

    init(_ limit: RateLimit) {
        self.limit = limit
        state = Mutex(State(tokens: Double(limit.burst), updated: .now))
    }

    func acquire() async throws {
        let wait = state.withLock { state -> Duration in
            let now = ContinuousClock.now
            let elapsed = Double((now - state.updated).components.seconds)
                + Double((now - state.updated).components.attoseconds) / 1e18
            state.tokens = min(Double(limit.burst), state.tokens + elapsed * limit.queriesPerSecond)
            state.updated = now
            state.tokens -= 1
            guard state.tokens < 0 else { return .zero }
            return .nanoseconds(Int64((-state.tokens / limit.queriesPerSecond * 1e9).rounded(.up)))
        }
        if wait > .zero { try await Task.sleep(for: wait) }
    }
}
