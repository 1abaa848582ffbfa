import EnsembleSupport

/// The list-then-watch protocol of one resource as a pure value: inputs describe what happened, outputs are the
/// actions to perform, in order. No I/O, no clock: the time is passed in where it matters.
///
/// `initial → listing (pages) → watching(resourceVersion) ⇄ backingOff`; a 410 Gone goes back to listing.
/// Every applied object's resourceVersion is remembered, so an event that is not newer than what was applied
/// for its object (a replay after a reconnect) is ignored.
public struct WatcherStateMachine<Object: RuntimeObject>: Sendable {
    public enum State: Sendable, Equatable {
        case initial
        /// `pagesReceived` pages of the current list arrived so far.
        case listing(pagesReceived: Int)
        case watching(resourceVersion: String)
        case backingOff(then: Resumption)
    }

    /// What follows a backoff.
    public enum Resumption: Sendable, Equatable {
        case list
        case watch(from: String)
    }

    public private(set) var state: State = .initial
    /// The resourceVersion to resume the watch from: of the last list, event or bookmark.
    public private(set) var resourceVersion: String?
    private var listedItems: [Object] = []
    private var appliedVersions: [ObjectKey: String] = [:]
    private var backoff: ExponentialBackoff
    private var healthySince: ContinuousClock.Instant?
    private var random: SeededRandom
    private var streamOpenedAt: ContinuousClock.Instant?
    private var eventsOnStream = 0
    private let configuration: WatcherConfiguration

    static var shortestHealthyWatch: Duration { .seconds(1) }

    public init(configuration: WatcherConfiguration = .init(), random: SeededRandom = SeededRandom()) {
        self.configuration = configuration
        self.random = random
        let settings = configuration.backoff
        backoff = ExponentialBackoff(
            initial: settings.initial, maximum: settings.maximum, multiplier: settings.multiplier,
            jitter: .proportional(settings.jitterFraction))
    }

    /// How many backoff delays were handed out since the last reset.
    public var failuresSinceReset: Int { backoff.attempts }

    public mutating func start() -> [WatcherAction<Object>] {
        precondition(state == .initial, "the watcher was already started")
        return startListing()
    }

    public mutating func listed(_ page: ListPage<Object>) -> [WatcherAction<Object>] {
        guard case .listing(let pages) = state else { return [] }
        listedItems.append(contentsOf: page.items)
        guard page.isLastPage else {
            state = .listing(pagesReceived: pages + 1)
            return [.list(continueToken: page.continueToken)]
        }
        let items = listedItems
        listedItems = []
        appliedVersions = Dictionary(items.map { ($0.key, $0.resourceVersion) }) { _, last in last }
        return [.apply(.replaceAll(items))] + startWatching(from: page.resourceVersion)
    }

    public mutating func listFailed(_ failure: WatchFailure, at now: ContinuousClock.Instant) -> [WatcherAction<Object>] {
        guard case .listing = state else { return [] }
        listedItems = []
        // An expired continue token: start the list over at once.
        if failure == .gone, case .listing(let pages) = state, pages > 0 {
            return startListing()
        }
        return backOff(after: failure, at: now, then: .list)
    }

    /// The watch request was answered and its stream is open.
    public mutating func watchStarted(at now: ContinuousClock.Instant) -> [WatcherAction<Object>] {
        guard case .watching = state else { return [] }
        if healthySince == nil {
            healthySince = now
        }
        streamOpenedAt = now
        eventsOnStream = 0
        return []
    }

    public mutating func received(
        _ event: WatchEvent<Object>, at now: ContinuousClock.Instant
    ) -> [WatcherAction<Object>] {
        guard case .watching = state else { return [] }
        eventsOnStream += 1
        switch event {
        case .added(let object), .modified(let object):
            advance(to: object.resourceVersion)
            guard isNewerThanApplied(object) else { return [] }
            appliedVersions[object.key] = object.resourceVersion
            return [.apply(.upsert(object))]
        case .deleted(let object):
            advance(to: object.resourceVersion)
            guard isNewerThanApplied(object) else { return [] }
            // Kept as a tombstone until the next list, so a replayed ADDED cannot resurrect the object.
            appliedVersions[object.key] = object.resourceVersion
            return [.apply(.delete(object))]
        case .bookmark(let version):
            advance(to: version)
            return []
        case .error(let code, _):
            if code == 410 {
                return startListing()
            }
            return backOff(after: .server(status: code, retryAfter: nil), at: now, then: .watch(from: currentVersion))
        }
    }

    /// The server closed the stream normally (its timeout): reconnect at once from where it stopped.
    /// A stream that ended empty right after it opened counts as a failure, so a server that keeps closing
    /// watches at once is not hammered.
    public mutating func watchEnded(at now: ContinuousClock.Instant) -> [WatcherAction<Object>] {
        guard case .watching = state else { return [] }
        if eventsOnStream == 0, let openedAt = streamOpenedAt, openedAt.duration(to: now) < Self.shortestHealthyWatch {
            return backOff(after: .transport("watch closed right after it opened"), at: now, then: .watch(from: currentVersion))
        }
        return startWatching(from: currentVersion)
    }

    public mutating func watchFailed(_ failure: WatchFailure, at now: ContinuousClock.Instant) -> [WatcherAction<Object>] {
        guard case .watching = state else { return [] }
        if failure == .gone {
            return startListing()
        }
        return backOff(after: failure, at: now, then: .watch(from: currentVersion))
    }

    public mutating func waitFinished() -> [WatcherAction<Object>] {
        guard case .backingOff(let resumption) = state else { return [] }
        switch resumption {
        case .list: return startListing()
        case .watch(let version): return startWatching(from: version)
        }
    }

    // MARK: Transitions

    private mutating func startListing() -> [WatcherAction<Object>] {
        state = .listing(pagesReceived: 0)
        listedItems = []
        return [.list(continueToken: nil)]
    }

    private mutating func startWatching(from version: String) -> [WatcherAction<Object>] {
        state = .watching(resourceVersion: version)
        resourceVersion = version
        return [.watch(from: version, timeout: randomWatchTimeout())]
    }

    private mutating func backOff(
        after failure: WatchFailure, at now: ContinuousClock.Instant, then resumption: Resumption
    ) -> [WatcherAction<Object>] {
        if let since = healthySince, since.duration(to: now) >= configuration.healthyResetAfter {
            backoff.reset()
        }
        healthySince = nil
        var delay = backoff.next(using: &random)
        if let retryAfter = failure.retryAfter, retryAfter > delay {
            delay = retryAfter
        }
        state = .backingOff(then: resumption)
        return [.wait(delay)]
    }

    private var currentVersion: String {
        if case .watching(let version) = state { return version }
        return resourceVersion ?? ""
    }

    private mutating func advance(to version: String) {
        guard case .watching(let current) = state, ResourceVersion.isNewer(version, than: current) else { return }
        state = .watching(resourceVersion: version)
        resourceVersion = version
    }

    private func isNewerThanApplied(_ object: Object) -> Bool {
        guard let applied = appliedVersions[object.key] else { return true }
        return ResourceVersion.isNewer(object.resourceVersion, than: applied)
    }

    private mutating func randomWatchTimeout() -> Duration {
        let range = configuration.watchTimeout
        let lower = range.lowerBound / .seconds(1)
        let upper = range.upperBound / .seconds(1)
        let seconds = Double.random(in: lower...upper, using: &random)
        return .milliseconds(Int64((seconds * 1000).rounded()))
    }
}
