import Foundation
import EnsembleSupport

extension KubeAPIEmulator {
    func delete(_ request: ResourceRequest) throws(APIError) -> JSONValue {
        let (options, policy) = try Self.deleteOptions(request)
        let resource = request.resource
        let key = ObjectKey(namespace: request.namespace ?? "", name: request.name ?? "")
        return try state.withLock { (state) throws(APIError) in
            guard let object = state.object(resource, key) else { throw APIError.notFound(resource, key.name) }
            if let uid = options["preconditions"]?["uid"]?.stringValue, uid != ObjectRules.uid(object) {
                throw APIError.conflict(
                    resource, key.name,
                    "Precondition failed: UID in precondition: \(uid), UID in object meta: \(ObjectRules.uid(object) ?? "")")
            }
            if let version = options["preconditions"]?["resourceVersion"]?.stringValue,
                version != object["metadata"]?["resourceVersion"]?.stringValue
            {
                throw APIError.conflict(
                    resource, key.name,
                    "Precondition failed: ResourceVersion in precondition: \(version), ResourceVersion in object meta: \(object["metadata"]?["resourceVersion"]?.stringValue ?? "")")
            }
            if resource.kind == "Namespace", ["default", "kube-system", "kube-public"].contains(key.name) {
                throw APIError.forbidden(resource, key.name, "this namespace may not be deleted")
            }
            if request.dryRun { return presented(object, resource) }
            let result = remove(object, resource, key, policy: policy, state: &state)
            collectGarbage(&state)
            // Built-in stores answer an immediate deletion with a Success Status; custom resources (and anything
            // still held by finalizers) with the object.
            if resource.schema == nil, state.object(resource, key) == nil {
                return Self.deletedStatus(resource, key.name, uid: ObjectRules.uid(object))
            }
            return presented(result, resource)
        }
    }

    static func deletedStatus(_ resource: ResourceType, _ name: String, uid: String?) -> JSONValue {
        var details = APIError.details(resource, name: name)
        if let uid { details["uid"] = .string(uid) }
        return ["kind": "Status", "apiVersion": "v1", "metadata": [:], "status": "Success", "details": details]
    }

    /// The request's `DeleteOptions` (body, else none) and its propagation policy (body, then query, then Background).
    static func deleteOptions(_ request: ResourceRequest) throws(APIError) -> (JSONValue, String) {
        let options = request.http.body.isEmpty ? JSONValue.object([:]) : try decodeBody(request.http)
        let policy = options["propagationPolicy"]?.stringValue ?? request.http.query("propagationPolicy") ?? "Background"
        guard ["Background", "Foreground", "Orphan"].contains(policy) else {
            throw APIError.badRequest("propagationPolicy: Unsupported value: \"\(policy)\"")
        }
        return (options, policy)
    }

    func deleteCollection(_ request: ResourceRequest) throws(APIError) -> JSONValue {
        let (_, policy) = try Self.deleteOptions(request)
        let listed = try list(request)
        var deleted: [JSONValue] = []
        let resource = request.resource
        try state.withLock { (state) throws(APIError) in
            for item in listed["items"]?.arrayValue ?? [] {
                let key = ObjectKey(
                    namespace: item["metadata"]?["namespace"]?.stringValue ?? "", name: item["metadata"]?["name"]?.stringValue ?? "")
                guard let object = state.object(resource, key) else { continue }
                if request.dryRun { deleted.append(object); continue }
                deleted.append(remove(object, resource, key, policy: policy, state: &state))
            }
            collectGarbage(&state)
        }
        return [
            "kind": .string(resource.listKind), "apiVersion": .string(resource.apiVersion),
            "metadata": ["resourceVersion": .string(String(state.withLock { $0.revision }))],
            "items": .array(deleted.map { presented($0, resource) }),
        ]
    }

    /// Starts or completes a deletion: objects with finalizers (including those the policy adds) are marked with a
    /// deletionTimestamp and stay until the finalizers are gone; others are removed now.
    @discardableResult
    func remove(_ object: JSONValue, _ resource: ResourceType, _ key: ObjectKey, policy: String, state: inout EmulatorState) -> JSONValue {
        var finalizers = ObjectRules.finalizers(object)
        if !ObjectRules.isDeleting(object) {
            if policy == "Foreground", !finalizers.contains("foregroundDeletion") { finalizers.append("foregroundDeletion") }
            if policy == "Orphan", !finalizers.contains("orphan") { finalizers.append("orphan") }
        }
        if resource.kind == "Namespace" {
            guard !ObjectRules.isDeleting(object) else { return object }
            var terminating = object
            terminating["metadata"]?["deletionTimestamp"] = .string(Timestamps.now())
            terminating["metadata"]?["deletionGracePeriodSeconds"] = 0
            terminating["status"] = ["phase": "Terminating"]
            return state.commit(.modified, resource, key, terminating, previous: object)
        }
        if finalizers.isEmpty {
            if resource.kind == "CustomResourceDefinition" { removeInstances(of: object, state: &state) }
            return state.commit(.deleted, resource, key, object, previous: object)
        }
        guard !ObjectRules.isDeleting(object) || finalizers != ObjectRules.finalizers(object) else { return object }
        var marked = object
        if !ObjectRules.isDeleting(object) {
            marked["metadata"]?["deletionTimestamp"] = .string(Timestamps.now())
            marked["metadata"]?["deletionGracePeriodSeconds"] = 0
        }
        marked["metadata"]?["finalizers"] = .array(finalizers.map(JSONValue.string))
        return state.commit(.modified, resource, key, marked, previous: object)
    }

    /// What kube-controller-manager's garbage collector and namespace controller do, run to a fixed point:
    /// dependents of removed owners go, `orphan` and `foregroundDeletion` finalizers are honoured, and terminating
    /// namespaces are emptied and then removed. With `Configuration.garbageCollection` off only the namespace
    /// controller runs: dependents stay, and `orphan`/`foregroundDeletion` finalizers hold their objects.
    func collectGarbage(_ state: inout EmulatorState) {
        let collect = configuration.garbageCollection
        var changed = true
        var rounds = 0
        while changed, rounds < 100 {
            changed = false
            rounds += 1
            let all = allObjects(state)
            let liveUIDs = Set(all.compactMap { ObjectRules.uid($0.object) })
            for entry in all where ObjectRules.isDeleting(entry.object) {
                guard let uid = ObjectRules.uid(entry.object) else { continue }
                let dependents = all.filter { ObjectRules.ownerUIDs($0.object).contains(uid) }
                let finalizers = ObjectRules.finalizers(entry.object)
                if collect, finalizers.contains("orphan") {
                    for dependent in dependents {
                        var orphaned = dependent.object
                        let remaining = orphaned["metadata"]?["ownerReferences"]?.arrayValue?.filter { $0["uid"]?.stringValue != uid } ?? []
                        orphaned["metadata"]?["ownerReferences"] = remaining.isEmpty ? nil : .array(remaining)
                        _ = state.commit(.modified, dependent.resource, dependent.key, orphaned, previous: dependent.object)
                    }
                    dropFinalizer("orphan", entry, &state)
                    changed = true
                } else if collect, finalizers.contains("foregroundDeletion") {
                    if dependents.isEmpty {
                        dropFinalizer("foregroundDeletion", entry, &state)
                    } else {
                        for dependent in dependents where !ObjectRules.isDeleting(dependent.object) {
                            remove(dependent.object, dependent.resource, dependent.key, policy: "Foreground", state: &state)
                        }
                    }
                    changed = changed || dependents.contains { !ObjectRules.isDeleting($0.object) } || dependents.isEmpty
                } else if entry.resource.kind == "Namespace" {
                    let contents = all.filter { $0.resource.namespaced && $0.key.namespace == entry.key.name }
                    for item in contents where !ObjectRules.isDeleting(item.object) {
                        remove(item.object, item.resource, item.key, policy: "Background", state: &state)
                        changed = true
                    }
                    if contents.isEmpty {
                        _ = state.commit(.deleted, entry.resource, entry.key, entry.object, previous: entry.object)
                        changed = true
                    }
                }
            }
            for entry in all where collect && !ObjectRules.isDeleting(entry.object) {
                let owners = ObjectRules.ownerUIDs(entry.object)
                if !owners.isEmpty, owners.allSatisfy({ !liveUIDs.contains($0) }),
                    state.object(entry.resource, entry.key) != nil
                {
                    remove(entry.object, entry.resource, entry.key, policy: "Background", state: &state)
                    changed = true
                }
            }
        }
    }

    /// A CRD going away takes its custom objects and its endpoints with it.
    private func removeInstances(of crd: JSONValue, state: inout EmulatorState) {
        guard let served = CRDRegistrar.resources(of: crd).first else { return }
        for (key, object) in state.objects(of: served, namespace: nil) {
            _ = state.commit(.deleted, served, key, object, previous: object)
        }
        for resource in state.resources.values where resource.group == served.group && resource.plural == served.plural {
            state.resources[resource.registryKey] = nil
        }
    }

    private func dropFinalizer(_ finalizer: String, _ entry: StoredObject, _ state: inout EmulatorState) {
        guard let current = state.object(entry.resource, entry.key) else { return }
        let remaining = ObjectRules.finalizers(current).filter { $0 != finalizer }
        var updated = current
        updated["metadata"]?["finalizers"] = remaining.isEmpty ? nil : .array(remaining.map(JSONValue.string))
        if remaining.isEmpty {
            _ = state.commit(.deleted, entry.resource, entry.key, updated, previous: current)
        } else {
            _ = state.commit(.modified, entry.resource, entry.key, updated, previous: current)
        }
    }

    struct StoredObject {
        let resource: ResourceType
        let key: ObjectKey
        let object: JSONValue
    }

    /// Every stored object once, with a resource type that serves it.
    private func allObjects(_ state: EmulatorState) -> [StoredObject] {
        var byStorage: [String: ResourceType] = [:]
        for resource in state.resources.values where byStorage[resource.storage] == nil {
            byStorage[resource.storage] = resource
        }
        return state.objects.flatMap { storage, objects -> [StoredObject] in
            guard let resource = byStorage[storage] else { return [] }
            return objects.map { StoredObject(resource: resource, key: $0.key, object: $0.value) }
        }
    }
}
