import Foundation
import Synchronization
import EnsembleSupport

/// One open watch: the events it selected, queued for its stream, with a bound beyond which the watch is closed
/// (as kube-apiserver closes watches too slow to keep up).
final class WatchSubscription: Sendable {
    enum Next: Sendable {
        case line(Data)
        /// Nothing arrived within the wait: time for a bookmark.
        case idle
        case closed
        /// A fault cut the stream: send these bytes (a partial event, possibly empty) then break the connection.
        case cut(Data)
    }

    let resource: String
    let apiVersion: String
    let namespace: String?
    let labels: LabelSelector
    let fields: FieldSelector
    private let limit: Int
    private let state = Mutex<State>(State())

    private struct State {
        var queue: [Data] = []
        var head = 0
        var closed = false
        var cut: Data?
        /// A mid-event cut asked for while no event was queued: the next event is sent half, then the stream breaks.
        var cutAtNextEvent = false
        var waiter: CheckedContinuation<Next, Never>?
        var waitID = 0
    }

    init(
        resource: String, apiVersion: String, namespace: String?, labels: LabelSelector, fields: FieldSelector,
        limit: Int = 10_000
    ) {
        self.resource = resource
        self.apiVersion = apiVersion
        self.namespace = namespace
        self.labels = labels
        self.fields = fields
        self.limit = limit
    }

    func selects(_ object: JSONValue?) -> Bool {
        guard let object else { return false }
        return labels.matches(object) && fields.matches(object)
    }

    /// The event this watch sees for a change, if any: selector transitions turn into ADDED or DELETED.
    func translate(_ event: WatchEvent) -> (WatchEvent.Kind, JSONValue)? {
        guard event.resource == resource, namespace == nil || namespace == event.namespace else { return nil }
        let now = selects(event.object)
        let before = selects(event.previous)
        switch event.kind {
        case .added: return now ? (.added, event.object) : nil
        case .deleted: return before || now ? (.deleted, event.object) : nil
        case .modified:
            switch (before, now) {
            case (true, true): return (.modified, event.object)
            case (false, true): return (.added, event.object)
            case (true, false):
                // As kube-apiserver's watch cache: the object as it was when it last matched, at the change's revision.
                var last = event.previous ?? event.object
                last["metadata"]?["resourceVersion"] = .string(String(event.revision))
                return (.deleted, last)
            case (false, false): return nil
            }
        }
    }

    func push(_ line: Data) {
        state.withLock { state in
            guard !state.closed else { return }
            if state.cutAtNextEvent {
                let partial = line.prefix(max(1, line.count / 2))
                state.cut = partial
                state.closed = true
                state.waiter?.resume(returning: .cut(partial))
                state.waiter = nil
                return
            }
            if let waiter = state.waiter {
                state.waiter = nil
                waiter.resume(returning: .line(line))
                return
            }
            if state.queue.count - state.head >= limit {
                state.closed = true
                return
            }
            state.queue.append(line)
        }
    }

    /// True when every pushed line has been taken.
    var isDrained: Bool { state.withLock { $0.head == $0.queue.count } }

    func close() {
        state.withLock { state in
            state.closed = true
            state.waiter?.resume(returning: .closed)
            state.waiter = nil
        }
    }

    /// Breaks the stream; with `partial`, after sending the first half of the next event (waiting for one when
    /// none is queued).
    func cut(partial: Bool) {
        state.withLock { state in
            guard !state.closed else { return }
            var bytes = Data()
            if partial {
                guard state.head < state.queue.count else {
                    state.cutAtNextEvent = true
                    return
                }
                let next = state.queue[state.head]
                bytes = next.prefix(max(1, next.count / 2))
            }
            state.cut = bytes
            state.closed = true
            if let waiter = state.waiter {
                state.waiter = nil
                waiter.resume(returning: .cut(bytes))
            }
        }
    }

    /// The next line, waiting at most `limit` before answering `.idle`.
    func next(waitingAtMost wait: Duration) async -> Next {
        let waitID = state.withLock { state -> Int in
            state.waitID += 1
            return state.waitID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Next, Never>) in
                let immediate = state.withLock { state -> Next? in
                    if let cut = state.cut { return .cut(cut) }
                    if state.head < state.queue.count {
                        let line = state.queue[state.head]
                        state.head += 1
                        if state.head > 1024, state.head * 2 > state.queue.count {
                            state.queue.removeFirst(state.head)
                            state.head = 0
                        }
                        return .line(line)
                    }
                    if state.closed { return .closed }
                    state.waiter = continuation
                    return nil
                }
                if let immediate {
                    continuation.resume(returning: immediate)
                    return
                }
                Task { [weak self] in
                    try? await Task.sleep(for: wait)
                    self?.state.withLock { state in
                        guard state.waitID == waitID, let waiter = state.waiter else { return }
                        state.waiter = nil
                        waiter.resume(returning: .idle)
                    }
                }
            }
        } onCancel: {
            close()
        }
    }
}
