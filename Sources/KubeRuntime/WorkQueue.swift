import EnsembleSupport
import Synchronization

/// The queue of keys a controller's workers take work from, with client-go's guarantees:
/// - a key is queued at most once, however often it is added (deduplication);
/// - a key handed out by `get()` is not handed out again until `done(_:)`; adding it meanwhile marks it
///   to be queued again at `done`, so it is never processed by two workers at once;
/// - `addRateLimited` delays a key by the longer of its own exponential backoff and an overall token bucket;
/// - after `shutdown()`, `get()` returns nil and adds are ignored.
public final class WorkQueue<Key: Hashable & Sendable>: Sendable {
    private struct Waiter {
        let id: Int
        let continuation: CheckedContinuation<Key?, Never>
    }

    private struct State {
        var queue: [Key] = []
        var queueHead = 0
        /// Keys that are queued, or that are being processed and must be queued again at `done`.
        var dirty: Set<Key> = []
        var processing: [Key: ContinuousClock.Instant] = [:]
        var queuedAt: [Key: ContinuousClock.Instant] = [:]
        var waiters: [Waiter] = []
        var delayed: [Key: (deadline: ContinuousClock.Instant, timer: Task<Void, Never>)] = [:]
        var rateLimiter: RateLimiter<Key>
        var isShutDown = false
        var nextWaiterID = 0

        var depth: Int { queue.count - queueHead }

        mutating func popFirst() -> Key? {
            guard queueHead < queue.count else { return nil }
            let key = queue[queueHead]
            queueHead += 1
            if queueHead > 64 && queueHead * 2 > queue.count {
                queue.removeFirst(queueHead)
                queueHead = 0
            }
            return key
        }
    }

    public let name: String
    private let clock: any RuntimeClock
    private let metrics: WorkQueueMetrics?
    private let state: Mutex<State>

    public init(
        name: String, rateLimiter: RateLimiter<Key> = RateLimiter(), clock: any RuntimeClock = SystemClock(),
        metrics: MetricsRegistry? = nil
    ) {
        self.name = name
        self.clock = clock
        self.metrics = metrics.map { WorkQueueMetrics(registry: $0, name: name) }
        state = Mutex(State(rateLimiter: rateLimiter))
    }

    /// Keys queued and not yet handed out.
    public var depth: Int { state.withLock { $0.depth } }

    public var isShutDown: Bool { state.withLock { $0.isShutDown } }

    public func add(_ key: Key) {
        let now = clock.now
        let handOff: (CheckedContinuation<Key?, Never>, Key)? = state.withLock { state in
            guard !state.isShutDown, !state.dirty.contains(key) else { return nil }
            metrics?.adds.inc()
            state.dirty.insert(key)
            state.queuedAt[key] = now
            guard state.processing[key] == nil else { return nil }
            return enqueue(key, state: &state, now: now)
        }
        if let (continuation, key) = handOff {
            continuation.resume(returning: key)
        }
    }

    /// The next key to process, waiting for one if the queue is empty; nil once the queue is shut down
    /// or the calling task is cancelled. Call `done(_:)` when finished with the key.
    public func get() async -> Key? {
        let now = clock.now
        let id: Int? = state.withLock { state in
            if state.isShutDown { return nil }
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        guard let id else { return nil }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Key?, Never>) in
                state.withLock { state in
                    if state.isShutDown || Task.isCancelled {
                        continuation.resume(returning: nil)
                    } else if let key = state.popFirst() {
                        startProcessing(key, state: &state, now: now)
                        continuation.resume(returning: key)
                    } else {
                        state.waiters.append(Waiter(id: id, continuation: continuation))
                    }
                }
            }
        } onCancel: {
            let waiter = state.withLock { state -> Waiter? in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: index)
            }
            waiter?.continuation.resume(returning: nil)
        }
    }

    /// Marks `key` as processed; if it was added meanwhile, it is queued again.
    public func done(_ key: Key) {
        let now = clock.now
        let handOff: (CheckedContinuation<Key?, Never>, Key)? = state.withLock { state in
            guard let startedAt = state.processing.removeValue(forKey: key) else { return nil }
            metrics?.workDuration.observe(startedAt.duration(to: now))
            guard state.dirty.contains(key), !state.isShutDown else { return nil }
            return enqueue(key, state: &state, now: now)
        }
        if let (continuation, key) = handOff {
            continuation.resume(returning: key)
        }
    }

    /// Adds `key` after `delay`; a key already waiting keeps the earlier of its two deadlines.
    public func add(_ key: Key, after delay: Duration) {
        guard delay > .zero else {
            add(key)
            return
        }
        let deadline = clock.now.advanced(by: delay)
        state.withLock { state in
            guard !state.isShutDown else { return }
            if let existing = state.delayed[key] {
                guard deadline < existing.deadline else { return }
                existing.timer.cancel()
            }
            let timer = Task { [clock] in
                guard (try? await clock.sleep(until: deadline)) != nil else { return }
                self.fireDelayed(key, deadline: deadline)
            }
            state.delayed[key] = (deadline, timer)
        }
    }

    /// Adds `key` after the rate limiter's delay for it, counting one more failure of the key.
    public func addRateLimited(_ key: Key) {
        let delay = state.withLock { state -> Duration? in
            guard !state.isShutDown else { return nil }
            return state.rateLimiter.delay(for: key, at: clock.now)
        }
        guard let delay else { return }
        metrics?.retries.inc()
        add(key, after: delay)
    }

    /// Clears the key's failures, so its next rate-limited add starts from the initial backoff.
    public func forget(_ key: Key) {
        state.withLock { $0.rateLimiter.forget(key) }
    }

    /// How many rate-limited adds `key` had since it was last forgotten.
    public func retries(of key: Key) -> Int {
        state.withLock { $0.rateLimiter.retries(of: key) }
    }

    /// Stops handing out keys: waiting and future `get()` calls return nil, adds are ignored, delayed adds dropped.
    public func shutdown() {
        let (waiters, timers) = state.withLock { state in
            state.isShutDown = true
            let waiters = state.waiters
            state.waiters = []
            let timers = state.delayed.values.map(\.timer)
            state.delayed = [:]
            return (waiters, timers)
        }
        for timer in timers {
            timer.cancel()
        }
        for waiter in waiters {
            waiter.continuation.resume(returning: nil)
        }
    }

    // MARK: Private

    private func fireDelayed(_ key: Key, deadline: ContinuousClock.Instant) {
        let isDue = state.withLock { state in
            guard let entry = state.delayed[key], entry.deadline == deadline else { return false }
            state.delayed[key] = nil
            return true
        }
        if isDue {
            add(key)
        }
    }

    /// Hands `key` straight to a waiting worker (returned, to be resumed outside the lock) or queues it.
    private func enqueue(_ key: Key, state: inout State, now: ContinuousClock.Instant) -> (CheckedContinuation<Key?, Never>, Key)? {
        if !state.waiters.isEmpty {
            let waiter = state.waiters.removeFirst()
            startProcessing(key, state: &state, now: now)
            return (waiter.continuation, key)
        }
        state.queue.append(key)
        metrics?.depth.set(Double(state.depth))
        return nil
    }

    private func startProcessing(_ key: Key, state: inout State, now: ContinuousClock.Instant) {
        state.dirty.remove(key)
        state.processing[key] = now
        if let queuedAt = state.queuedAt.removeValue(forKey: key) {
            metrics?.queueDuration.observe(queuedAt.duration(to: now))
        }
        metrics?.depth.set(Double(state.depth))
    }
}
