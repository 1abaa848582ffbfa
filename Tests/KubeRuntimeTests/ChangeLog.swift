import KubeRuntime
import Synchronization

/// Collects what a watcher applied, to check that no change is applied twice.
final class ChangeLog: Sendable {
    private final class Entries: Sendable {
        let lines = Mutex<[String]>([])
    }

    private let entries = Entries()
    private let task: Task<Void, Never>

    init(_ changes: AsyncStream<AppliedChange<TestObject>>) {
        let entries = entries
        task = Task {
            for await change in changes {
                let lines: [String] = switch change {
                case .upserted(let object): ["upsert \(object.key)@\(object.resourceVersion)"]
                case .deleted(let object): ["delete \(object.key)@\(object.resourceVersion)"]
                case .replaced(let current, let removed): ["replace \(current.count) removed \(removed.map(\.name).sorted())"]
                }
                entries.lines.withLock { $0.append(contentsOf: lines) }
            }
        }
    }

    var all: [String] { entries.lines.withLock { $0 } }

    deinit { task.cancel() }
}
