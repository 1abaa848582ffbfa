import EnsembleSupport
import Synchronization

/// Keeps a `Store` in step with one resource by driving a `WatcherStateMachine` against a `ListWatchSource`,
/// and publishes every applied change to its subscribers. Run it as a `Service`; it stops when cancelled.
public final class Watcher<Source: ListWatchSource>: Service {
    public typealias Object = Source.Object

    public let store: Store<Object>
    public let name: String
    private let source: Source
    private let configuration: WatcherConfiguration
    private let clock: any RuntimeClock
    private let random: SeededRandom
    private let logger: Logger?
    private let subscribers = Mutex<[Int: AsyncStream<AppliedChange<Object>>.Continuation]>([:])
    private let nextSubscriberID = Atomic<Int>(0)

    public init(
        name: String, source: Source, store: Store<Object> = Store(), configuration: WatcherConfiguration = .init(),
        clock: any RuntimeClock = SystemClock(), random: SeededRandom = SeededRandom(), logger: Logger? = nil
    ) {
        self.name = name
        self.source = source
        self.store = store
        self.configuration = configuration
        self.clock = clock
        self.random = random
        self.logger = logger?.with(metadata: ["watcher": .string(name)])
    }

    /// The changes applied from now on, in order. The buffer is unbounded so that no change is dropped: consume
    /// it promptly (a controller only turns each change into work-queue keys).
    public func changes() -> AsyncStream<AppliedChange<Object>> {
        let id = nextSubscriberID.add(1, ordering: .relaxed).newValue
        let (stream, continuation) = AsyncStream<AppliedChange<Object>>.makeStream(bufferingPolicy: .unbounded)
        continuation.onTermination = { [weak self] _ in
            _ = self?.subscribers.withLock { $0.removeValue(forKey: id) }
        }
        subscribers.withLock { $0[id] = continuation }
        return stream
    }

    public func run() async throws {
        defer {
            for subscriber in subscribers.withLock({ Array($0.values) }) {
                subscriber.finish()
            }
        }
        var machine = WatcherStateMachine<Object>(configuration: configuration, random: random)
        var pending = machine.start()
        while !pending.isEmpty {
            try Task.checkCancellation()
            let action = pending.removeFirst()
            pending.append(contentsOf: try await perform(action, machine: &machine))
        }
    }

    private func perform(
        _ action: WatcherAction<Object>, machine: inout WatcherStateMachine<Object>
    ) async throws -> [WatcherAction<Object>] {
        switch action {
        case .list(let continueToken):
            do {
                let page = try await source.list(resourceVersion: nil, limit: configuration.pageSize, continue: continueToken)
                return machine.listed(page)
            } catch {
                try Task.checkCancellation()
                let failure = source.classify(error)
                logger?.warning("list failed", metadata: ["error": .string(String(describing: failure))])
                return machine.listFailed(failure, at: clock.now)
            }
        case .watch(let version, let timeout):
            return try await watch(from: version, timeout: timeout, machine: &machine)
        case .apply(let change):
            publish(store.apply(change))
            return []
        case .wait(let delay):
            logger?.debug("backing off", metadata: ["seconds": .double(delay / .seconds(1))])
            try await clock.sleep(for: delay)
            return machine.waitFinished()
        }
    }

    /// Consumes one watch stream, applying its changes as they come; returns what follows its end.
    private func watch(
        from version: String, timeout: Duration, machine: inout WatcherStateMachine<Object>
    ) async throws -> [WatcherAction<Object>] {
        do {
            let events = try await source.watch(resourceVersion: version, timeout: timeout, bookmarks: true)
            _ = machine.watchStarted(at: clock.now)
            for try await event in events {
                var following: [WatcherAction<Object>] = []
                for action in machine.received(event, at: clock.now) {
                    if case .apply(let change) = action {
                        publish(store.apply(change))
                    } else {
                        following.append(action)
                    }
                }
                if !following.isEmpty {
                    return following
                }
            }
            try Task.checkCancellation()
            return machine.watchEnded(at: clock.now)
        } catch {
            try Task.checkCancellation()
            let failure = source.classify(error)
            logger?.warning("watch failed", metadata: ["error": .string(String(describing: failure))])
            return machine.watchFailed(failure, at: clock.now)
        }
    }

    private func publish(_ change: AppliedChange<Object>) {
        for subscriber in subscribers.withLock({ Array($0.values) }) {
            subscriber.yield(change)
        }
    }
}
