import KubeRuntime
import Synchronization

/// An in-memory resource with list pagination, watches from any retained resourceVersion, compaction (410 Gone)
/// and injectable failures: failed list or watch requests, streams cut after a number of events, watches that
/// replay from an older version than asked.
final class FakeListWatchSource: ListWatchSource {
    typealias Object = TestObject
    typealias Events = AsyncThrowingStream<WatchEvent<TestObject>, any Error>

    enum Fault {
        case failList(WatchFailure)
        case failWatch(WatchFailure)
        /// The next watch stream breaks with a transport error after delivering this many events.
        case cutWatch(afterEvents: Int)
        /// The next watch replays history from this older resourceVersion, as a misbehaving server could.
        case replayWatch(from: Int)
    }

    fileprivate struct LiveStream {
        let continuation: Events.Continuation
        var remainingBeforeCut: Int?
    }

    fileprivate struct State {
        var objects: [ObjectKey: TestObject] = [:]
        var revision = 1
        var history: [(revision: Int, event: WatchEvent<TestObject>)] = []
        var oldestWatchable = 0
        var faults: [Fault] = []
        var streams: [Int: LiveStream] = [:]
        var nextStreamID = 0
        var snapshots: [String: [TestObject]] = [:]
        var listRequests = 0
        var watchRequests: [String] = []
    }

    private let state = Mutex(State())

    var listRequests: Int { state.withLock { $0.listRequests } }
    var watchRequests: [String] { state.withLock { $0.watchRequests } }
    var openStreams: Int { state.withLock { $0.streams.count } }
    var objects: [ObjectKey: TestObject] { state.withLock { $0.objects } }

    func inject(_ fault: Fault) {
        state.withLock { $0.faults.append(fault) }
    }

    @discardableResult
    func put(_ namespace: String?, _ name: String, value: Int) -> TestObject {
        state.withLock { state in
            state.revision += 1
            let key = ObjectKey(namespace: namespace, name: name)
            let isNew = state.objects[key] == nil
            let object = TestObject(namespace, name, rv: state.revision, value: value)
            state.objects[key] = object
            state.publish(isNew ? .added(object) : .modified(object), revision: state.revision)
            return object
        }
    }

    func delete(_ namespace: String?, _ name: String) {
        state.withLock { state in
            guard var object = state.objects.removeValue(forKey: ObjectKey(namespace: namespace, name: name)) else { return }
            state.revision += 1
            object.resourceVersion = String(state.revision)
            state.publish(.deleted(object), revision: state.revision)
        }
    }

    /// Forgets the history: watches from any earlier resourceVersion get 410 Gone.
    func compact() {
        state.withLock { state in
            state.oldestWatchable = state.revision
            state.history = []
        }
    }

    /// Breaks every open stream with a transport error.
    func cutAllStreams() {
        let streams = state.withLock { state in
            defer { state.streams = [:] }
            return Array(state.streams.values)
        }
        for stream in streams {
            stream.continuation.finish(throwing: WatchFailure.transport("connection reset"))
        }
    }

    /// Sends a 410 ERROR event on every open stream, as the API server does when a watch falls too far behind.
    func expireAllStreams() {
        let streams = state.withLock { state in
            defer { state.streams = [:] }
            return Array(state.streams.values)
        }
        for stream in streams {
            stream.continuation.yield(.error(code: 410, message: "too old resource version"))
            stream.continuation.finish()
        }
    }

    func list(resourceVersion: String?, limit: Int, continue continueToken: String?) async throws -> ListPage<TestObject> {
        try state.withLock { state in
            state.listRequests += 1
            if case .failList(let failure) = state.faults.first {
                state.faults.removeFirst()
                throw failure
            }
            let snapshotID: String
            let offset: Int
            if let continueToken {
                let parts = continueToken.split(separator: ":")
                snapshotID = String(parts[0])
                offset = Int(parts[1])!
            } else {
                snapshotID = String(state.revision)
                offset = 0
                state.snapshots[snapshotID] = state.objects.values.sorted { $0.key < $1.key }
            }
            guard let snapshot = state.snapshots[snapshotID] else { throw WatchFailure.gone }
            let end = min(offset + limit, snapshot.count)
            let token = end < snapshot.count ? "\(snapshotID):\(end)" : nil
            return ListPage(items: Array(snapshot[offset..<end]), continueToken: token, resourceVersion: snapshotID)
        }
    }

    func watch(resourceVersion: String, timeout: Duration, bookmarks: Bool) async throws -> Events {
        try state.withLock { state in
            state.watchRequests.append(resourceVersion)
            var cut: Int?
            var from = Int(resourceVersion) ?? 0
            if let fault = state.faults.first {
                switch fault {
                case .failWatch(let failure):
                    state.faults.removeFirst()
                    throw failure
                case .cutWatch(let afterEvents):
                    state.faults.removeFirst()
                    cut = afterEvents
                case .replayWatch(let older):
                    state.faults.removeFirst()
                    from = older
                case .failList:
                    break
                }
            }
            let (stream, continuation) = Events.makeStream()
            if from < state.oldestWatchable {
                continuation.yield(.error(code: 410, message: "too old resource version"))
                continuation.finish()
                return stream
            }
            var live = LiveStream(continuation: continuation, remainingBeforeCut: cut)
            for entry in state.history where entry.revision > from {
                guard live.deliver(entry.event) else { return stream }
            }
            state.nextStreamID += 1
            state.streams[state.nextStreamID] = live
            return stream
        }
    }
}

extension FakeListWatchSource.LiveStream {
    /// Delivers an event; false once the stream is cut.
    mutating func deliver(_ event: WatchEvent<TestObject>) -> Bool {
        if remainingBeforeCut == 0 {
            continuation.finish(throwing: WatchFailure.transport("stream cut"))
            return false
        }
        remainingBeforeCut = remainingBeforeCut.map { $0 - 1 }
        continuation.yield(event)
        return true
    }
}

extension FakeListWatchSource.State {
    mutating func publish(_ event: WatchEvent<TestObject>, revision: Int) {
        history.append((revision, event))
        for (id, var stream) in streams {
            if stream.deliver(event) {
                streams[id] = stream
            } else {
                streams[id] = nil
            }
        }
    }
}
