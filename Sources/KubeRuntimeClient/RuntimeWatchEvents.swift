import KubeClient
import KubeCore
import KubeRuntime

/// A client watch stream with each event converted into the runtime's event type.
public struct RuntimeWatchEvents<Decoded: Decodable & Sendable, Object: RuntimeObject>: AsyncSequence, Sendable {
    public typealias Element = KubeRuntime.WatchEvent<Object>

    let stream: WatchStream<Decoded>
    let wrap: @Sendable (Decoded) -> Object

    public struct AsyncIterator: AsyncIteratorProtocol {
        var events: WatchStream<Decoded>.AsyncIterator
        let wrap: @Sendable (Decoded) -> Object

        public mutating func next() async throws -> KubeRuntime.WatchEvent<Object>? {
            guard let event = try await events.next() else { return nil }
            switch event {
            case .added(let object): return .added(wrap(object))
            case .modified(let object): return .modified(wrap(object))
            case .deleted(let object): return .deleted(wrap(object))
            case .bookmark(let version): return .bookmark(resourceVersion: version)
            case .error(let status):
                return .error(code: Int(status.code ?? 500), message: status.message ?? status.reason ?? "watch error")
            }
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(events: stream.makeAsyncIterator(), wrap: wrap)
    }
}
