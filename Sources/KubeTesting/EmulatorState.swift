import Foundation
import EnsembleSupport

/// Everything the emulator holds: the resources it serves, the objects (its "etcd"), the global revision, a bounded
/// history of changes for watches, open watches, and snapshots behind `continue` tokens.
struct EmulatorState {
    var revision: Int64 = 1000
    var resources: [String: ResourceType] = [:]
    var objects: [String: [ObjectKey: JSONValue]] = [:]
    var history: [WatchEvent] = []
    var historyLimit: Int
    /// Watches from a revision at or below this one get 410 Gone.
    var compactedRevision: Int64 = 1000
    var watches: [ObjectIdentifier: WatchSubscription] = [:]
    var listSnapshots: [String: ListSnapshot] = [:]
    var snapshotOrder: [String] = []

    struct ListSnapshot {
        let revision: Int64
        let items: [JSONValue]
    }

    init(historyLimit: Int) {
        self.historyLimit = historyLimit
        for resource in BuiltinResources.all { resources[resource.registryKey] = resource }
    }

    func resource(group: String, version: String, plural: String) -> ResourceType? {
        resources["\(group)/\(version)/\(plural)"]
    }

    func object(_ resource: ResourceType, _ key: ObjectKey) -> JSONValue? {
        objects[resource.storage]?[key]
    }

    func objects(of resource: ResourceType, namespace: String?) -> [(ObjectKey, JSONValue)] {
        (objects[resource.storage] ?? [:])
            .filter { namespace == nil || $0.key.namespace == namespace }
            .sorted { $0.key < $1.key }
    }

    /// Stores (or removes, for `.deleted`) an object under a new revision, records the change and tells the watches.
    mutating func commit(_ kind: WatchEvent.Kind, _ resource: ResourceType, _ key: ObjectKey, _ object: JSONValue, previous: JSONValue?) -> JSONValue {
        revision += 1
        var stored = object
        stored["metadata"]?["resourceVersion"] = .string(String(revision))
        if kind == .deleted {
            objects[resource.storage]?[key] = nil
        } else {
            objects[resource.storage, default: [:]][key] = stored
        }
        let event = WatchEvent(
            kind: kind, resource: resource.storage, namespace: key.namespace, revision: revision, object: stored,
            previous: previous)
        history.append(event)
        if history.count > historyLimit {
            let dropped = history.count - historyLimit
            compactedRevision = history[dropped - 1].revision
            history.removeFirst(dropped)
        }
        for watch in watches.values {
            if let (kind, object) = watch.translate(event) {
                watch.push(WatchLine.encode(type: kind.rawValue, object: object, apiVersion: watch.apiVersion))
            }
        }
        return stored
    }

    /// Forgets all history: every watch from an earlier revision now gets 410 Gone.
    mutating func compact() {
        compactedRevision = revision
        history.removeAll()
        listSnapshots.removeAll()
        snapshotOrder.removeAll()
    }

    mutating func remember(_ snapshot: ListSnapshot) -> String {
        let id = UUID().uuidString.lowercased()
        listSnapshots[id] = snapshot
        snapshotOrder.append(id)
        if snapshotOrder.count > 64 {
            listSnapshots[snapshotOrder.removeFirst()] = nil
        }
        return id
    }
}

/// One line of a watch stream: `{"type": ..., "object": ...}`.
enum WatchLine {
    static func encode(type: String, object: JSONValue, apiVersion: String) -> Data {
        var object = object
        object["apiVersion"] = .string(apiVersion)
        return JSONText.data(["type": .string(type), "object": object]) + Data("\n".utf8)
    }
}
