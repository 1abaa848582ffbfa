import EnsembleSupport
import Synchronization

/// Runs `workers` tasks that take keys from a `WorkQueue` and reconcile them, with controller-runtime's contract:
/// `.done` forgets the key's failures, `.requeue(after:)` adds it again after the delay, a thrown error re-adds it
/// with backoff, and a terminal `ReconcileError` forgets it. A key is never reconciled by two workers at once.
/// Keys come from watches registered before `run()` (see `watch(_:mapping:)`) or from `enqueue(_:)`.
public final class Controller<Key: Hashable & Sendable>: Service {
    public typealias Reconcile = @Sendable (Key, ReconcileContext) async throws -> ReconcileResult

    public let name: String
    public let queue: WorkQueue<Key>
    private let workers: Int
    private let reconcile: Reconcile
    private let clock: any RuntimeClock
    private let logger: Logger
    private let metrics: ControllerMetrics?
    private let sources = Mutex<[@Sendable () async -> Void]>([])
    private let reconcileCount = Atomic<UInt64>(0)
    private let idPrefix: String

    /// - Parameter queue: defaults to a queue named after the controller with the default rate limiter.
    public init(
        name: String, workers: Int = 1, queue: WorkQueue<Key>? = nil, clock: any RuntimeClock = SystemClock(),
        logger: Logger, metrics: MetricsRegistry? = nil, reconcile: @escaping Reconcile
    ) {
        precondition(workers > 0, "a controller needs at least one worker")
        self.name = name
        self.workers = workers
        self.queue = queue ?? WorkQueue(name: name, clock: clock, metrics: metrics)
        self.clock = clock
        self.logger = logger.with(metadata: ["controller": .string(name)])
        self.metrics = metrics.map { ControllerMetrics(registry: $0, controller: name) }
        self.reconcile = reconcile
        var random = SystemRandomNumberGenerator()
        idPrefix = String(random.next() & 0xFFFF_FFFF, radix: 16)
    }

    public func enqueue(_ key: Key) {
        queue.add(key)
    }

    /// Enqueues the keys `mapping` gives for every object a change touches. Subscribes at once, so no change
    /// applied between this call and `run()` is missed.
    public func watch<Object: RuntimeObject>(
        _ changes: AsyncStream<AppliedChange<Object>>, mapping: @escaping @Sendable (Object) -> [Key]
    ) {
        let queue = queue
        sources.withLock { sources in
            sources.append {
                for await change in changes {
                    for object in change.objects {
                        for key in mapping(object) {
                            queue.add(key)
                        }
                    }
                }
            }
        }
    }

    public func watch<Source: ListWatchSource>(
        _ watcher: Watcher<Source>, mapping: @escaping @Sendable (Source.Object) -> [Key]
    ) {
        watch(watcher.changes(), mapping: mapping)
    }

    /// Runs until cancelled (or until the queue is shut down); a reconcile in progress is finished first.
    public func run() async throws {
        let sources = sources.withLock { $0 }
        let queue = queue
        await withTaskCancellationHandler {
            await withTaskGroup(of: Void.self) { group in
                for source in sources {
                    group.addTask { await source() }
                }
                await withTaskGroup(of: Void.self) { workerGroup in
                    for _ in 0..<workers {
                        workerGroup.addTask { await self.work() }
                    }
                }
                group.cancelAll()
            }
        } onCancel: {
            queue.shutdown()
        }
    }

    private func work() async {
        while let key = await queue.get() {
            await process(key)
            queue.done(key)
        }
    }

    private func process(_ key: Key) async {
        let sequence = reconcileCount.add(1, ordering: .relaxed).newValue
        let reconcileID = "\(idPrefix)-\(sequence)"
        let log = logger.with(metadata: ["reconcileID": .string(reconcileID), "key": .string("\(key)")])
        let context = ReconcileContext(reconcileID: reconcileID, logger: log)
        let start = clock.now
        metrics?.activeWorkers.inc()
        defer {
            metrics?.activeWorkers.dec()
            metrics?.reconcileDuration.observe(start.duration(to: clock.now))
        }
        do {
            let result = try await reconcile(key, context)
            queue.forget(key)
            switch result {
            case .done:
                metrics?.record(.success)
                log.debug("reconciled")
            case .requeue(let delay):
                metrics?.record(.requeueAfter)
                log.debug("reconciled, requeued", metadata: ["afterSeconds": .double(delay / .seconds(1))])
                queue.add(key, after: delay)
            }
        } catch let error as ReconcileError where error.isTerminal {
            queue.forget(key)
            metrics?.record(.terminalError)
            metrics?.reconcileErrors.inc()
            log.error("reconcile failed terminally, not retrying", metadata: ["error": .string(error.description)])
        } catch {
            metrics?.record(.error)
            metrics?.reconcileErrors.inc()
            queue.addRateLimited(key)
            log.error(
                "reconcile failed, retrying with backoff",
                metadata: ["error": .string(String(describing: error)), "retries": .integer(Int64(queue.retries(of: key)))])
        }
    }
}

extension Controller where Key == ObjectKey {
    /// Reconciles the changed objects themselves.
    public func watchPrimary<Source: ListWatchSource>(_ watcher: Watcher<Source>) {
        watch(watcher) { [$0.key] }
    }

    /// Reconciles the controller owner of each changed object, when it is of `ownerKind` in `ownerGroup`
    /// (an owner is in its child's namespace).
    public func watchOwned<Source: ListWatchSource>(
        _ watcher: Watcher<Source>, ownerKind: String, ownerGroup: String
    ) {
        watch(watcher) { object in
            Self.controllerOwnerKey(of: object, kind: ownerKind, group: ownerGroup).map { [$0] } ?? []
        }
    }

    public static func controllerOwnerKey(
        of object: some RuntimeObject, kind: String, group: String
    ) -> ObjectKey? {
        guard let owner = object.controllerOwner, owner.kind == kind, owner.group == group else { return nil }
        return ObjectKey(namespace: object.namespace, name: owner.name)
    }
}
