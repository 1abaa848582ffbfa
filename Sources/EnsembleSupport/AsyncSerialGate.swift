import Synchronization

/// Lets one task at a time through a critical section that suspends; the others wait their turn in order,
/// suspended rather than blocking a thread.
final class AsyncSerialGate: Sendable {
    private let state = Mutex(State())

    private struct State {
        var isOccupied = false
        var queue: [CheckedContinuation<Void, Never>] = []
    }

    func run<Result>(
        isolation: isolated (any Actor)? = #isolation, _ body: () async throws -> Result
    ) async rethrows -> Result {
        await enter()
        defer { leave() }
        return try await body()
    }

    private func enter() async {
        await withCheckedContinuation { continuation in
            let entered: Bool = state.withLock { state in
                guard state.isOccupied else {
                    state.isOccupied = true
                    return true
                }
                state.queue.append(continuation)
                return false
            }
            if entered { continuation.resume() }
        }
    }

    private func leave() {
        let next: CheckedContinuation<Void, Never>? = state.withLock { state in
            guard !state.queue.isEmpty else {
                state.isOccupied = false
                return nil
            }
            return state.queue.removeFirst()
        }
        next?.resume()
    }
}
