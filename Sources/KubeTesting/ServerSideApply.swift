import EnsembleSupport

/// Server-side apply and field management as kube-apiserver does them (structured-merge-diff semantics), as pure
/// functions over untyped objects.
///
/// Every write records who owns which fields in `metadata.managedFields`:
/// - an apply (`PATCH` with `application/apply-patch+yaml`) goes through `apply`: the configuration's fields become
///   the manager's (operation `Apply`), fields it applied before and leaves out are removed unless another manager
///   owns them, and changing a field another manager owns is a conflict unless forced;
/// - every other write (create, update, JSON/merge/strategic patch) goes through `recordUpdate`: the fields it changed
///   become the manager's (operation `Update`) and leave every other manager.
///
/// The caller (the emulator) handles the request around these functions as the apiserver does: apply requires the
/// `fieldManager` query parameter and rejects `force` on other patches (`fieldManagerProblems`), other writes default
/// the manager from the user agent (`fieldManager(requested:userAgent:)`), an apply configuration carrying
/// `metadata.managedFields` is rejected with 400, and an unchanged result (same value returned) is not stored anew.
public enum ServerSideApply {
    /// The manager that owns what an object held before its first apply when it had no managed fields.
    public static let beforeFirstApplyManager = "before-first-apply"

    /// Fields no manager owns: the object's identity and what the apiserver sets itself.
    static let unmanagedFields = FieldSet(
        [
            ["apiVersion"], ["kind"], ["metadata"], ["metadata", "name"], ["metadata", "namespace"],
            ["metadata", "creationTimestamp"], ["metadata", "selfLink"], ["metadata", "uid"], ["metadata", "clusterName"],
            ["metadata", "generation"], ["metadata", "managedFields"], ["metadata", "resourceVersion"],
        ].map { FieldSet.Path($0.map(FieldSet.PathElement.field)) })

    /// Metadata the apiserver sets itself: a configuration's values for them are not merged into the object.
    static let systemMetadata = ["managedFields", "resourceVersion", "uid", "creationTimestamp", "generation", "selfLink"]

    /// Applies `configuration` for `manager` to `live` (nil when the object does not exist yet) and returns the
    /// object to store, with `metadata.managedFields` updated. When nothing changes, returns `live` itself.
    ///
    /// - Parameters:
    ///   - force: take over conflicting fields instead of failing.
    ///   - apiVersion: the version the configuration is written in, recorded in the manager's entry.
    ///   - now: the RFC 3339 time recorded in the manager's entry.
    ///   - hasStatusSubresource: the kind has a status subresource, so an apply to the main resource ignores
    ///     `status`.
    ///   - subresource: `"status"` for an apply to the status subresource, which only changes `status`.
    public static func apply(
        live: JSONValue?, configuration: JSONValue, manager: String, force: Bool, semantics: ListSemantics,
        apiVersion: String, now: String, hasStatusSubresource: Bool = false, subresource: String? = nil
    ) throws(ServerSideApplyConflict) -> JSONValue {
        let schema = FieldSet.SchemaPath(semantics)
        let liveManagers = decodedManagedFields(of: live)
        let liveObject = withoutManagedFields(live ?? .object([:]))
        var managers = liveManagers
        if live != nil, managers.isEmpty {
            let existing = Comparison(old: .object([:]), new: liveObject, semantics: semantics)
            record(existing, into: &managers, for: updater(beforeFirstApplyManager, apiVersion, nil), now: now)
        }

        let applier = ManagedFieldsEntry.Identity(manager: manager, operation: .apply, apiVersion: nil, subresource: subresource)
        let config = applicableConfiguration(configuration, hasStatusSubresource: hasStatusSubresource, subresource: subresource)
        let applied = FieldSet(appliedBy: config, semantics: semantics)
        let others = managers.entries.filter { $0.identity != applier }
        let merged = pruned(
            merge(live: liveObject, configuration: config, semantics: semantics),
            lastApplied: managers[applier]?.fields ?? FieldSet(),
            owned: others.reduce(applied) { $0.union($1.fields) },
            at: schema)

        let comparison = Comparison(old: liveObject, new: merged, semantics: semantics)
        let changed = comparison.added.union(comparison.modified)
        let conflicts = others.flatMap { entry in
            entry.fields.intersection(changed).paths.map { ServerSideApplyConflict.Conflict(owner: entry.identity, path: $0) }
        }
        if !force, !conflicts.isEmpty {
            throw ServerSideApplyConflict(conflicts)
        }
        managers.updateFields(except: applier) { $0.fields.subtracting(changed).subtracting(comparison.removed) }
        managers.set(
            ManagedFieldsEntry(
                manager: manager, operation: .apply, apiVersion: apiVersion, time: now,
                fields: applied.subtracting(unmanagedFields), subresource: subresource))

        let object = FieldSet.nullPaths(in: config, at: schema).removed(from: merged, at: schema) ?? .object([:])
        if let live, object == liveObject, managers.isEquivalent(to: liveManagers) {
            return live
        }
        return managers.written(to: object)
    }

    /// Records a non-apply write (create when `old` is nil, update, or patch) of `new` by `manager`: the fields it
    /// added or changed become the manager's (operation `Update`) and leave every other manager, removed fields leave
    /// every manager. Returns `new` with `metadata.managedFields` updated.
    ///
    /// As the apiserver does, managed fields sent in `new` replace the stored ones (an empty list, or one empty entry,
    /// clears them), except on subresources; managed fields absent or undecodable in `new` keep the stored ones; and
    /// an existing object without managed fields stays without them.
    public static func recordUpdate(
        old: JSONValue?, new: JSONValue, manager: String, semantics: ListSemantics, apiVersion: String, now: String,
        subresource: String?
    ) -> JSONValue {
        let newObject = withoutManagedFields(new)
        var managers = requestedManagedFields(old: old, new: new, subresource: subresource)
        if old != nil, managers.isEmpty {
            return newObject
        }
        let comparison = Comparison(
            old: withoutManagedFields(old ?? .object([:])), new: newObject, semantics: semantics)
        record(comparison, into: &managers, for: updater(manager, apiVersion, subresource), now: now)
        return managers.written(to: newObject)
    }

    private static func updater(_ manager: String, _ apiVersion: String, _ subresource: String?) -> ManagedFieldsEntry {
        ManagedFieldsEntry(manager: manager, operation: .update, apiVersion: apiVersion, time: nil, fields: FieldSet(), subresource: subresource)
    }

    /// What a non-apply write does to ownership: changed and removed fields leave every entry; if the write changed
    /// anything, the updater's entry gains what it changed and gets the write's time.
    private static func record(_ comparison: Comparison, into managers: inout ManagedFields, for updater: ManagedFieldsEntry, now: String) {
        let changed = comparison.added.union(comparison.modified)
        managers.updateFields(except: nil) { $0.fields.subtracting(changed).subtracting(comparison.removed) }
        let taken = comparison.taken.subtracting(unmanagedFields)
        guard !taken.isEmpty else { return }
        var entry = updater
        entry.fields = (managers[updater.identity]?.fields ?? FieldSet()).union(taken)
        entry.time = now
        managers.set(entry)
    }

    /// Removes what the applier owned at its last apply and no longer applies, unless some manager (the applier
    /// included) still owns it, as structured-merge-diff's prune: a removed node takes what is below it along.
    private static func pruned(_ merged: JSONValue, lastApplied: FieldSet, owned: FieldSet, at schema: FieldSet.SchemaPath) -> JSONValue {
        guard !lastApplied.isEmpty else { return merged }
        let removable = FieldSet(nodesOf: merged, semantics: schema.semantics)
            .intersection(lastApplied.includingNamedFields(at: schema))
            .subtracting(owned.includingNamedFields(at: schema))
        return removable.removed(from: merged, at: schema) ?? .object([:])
    }

    /// The configuration as the apiserver merges it: without the metadata it sets itself, without `status` on the
    /// main resource of a kind with a status subresource, and only `status` on the status subresource.
    private static func applicableConfiguration(_ configuration: JSONValue, hasStatusSubresource: Bool, subresource: String?) -> JSONValue {
        var config = configuration
        if subresource == "status" {
            var identity: [String: JSONValue] = [:]
            for key in ["name", "namespace"] { identity[key] = configuration["metadata"]?[key] }
            var kept: [String: JSONValue] = ["metadata": .object(identity)]
            for key in ["apiVersion", "kind", "status"] { kept[key] = configuration[key] }
            config = .object(kept)
        } else if hasStatusSubresource {
            config["status"] = JSONValue?.none
        }
        if var metadata = config["metadata"] {
            for key in systemMetadata { metadata[key] = JSONValue?.none }
            config["metadata"] = metadata
        }
        return config
    }

    /// The stored object's managed fields; entries the apiserver could not have written are dropped.
    private static func decodedManagedFields(of object: JSONValue?) -> ManagedFields {
        guard let object else { return ManagedFields() }
        if let decoded = try? ManagedFields(of: object) { return decoded }
        let items = object["metadata"]?["managedFields"]?.arrayValue ?? []
        return ManagedFields(items.compactMap { try? ManagedFieldsEntry(json: $0) })
    }

    private static func requestedManagedFields(old: JSONValue?, new: JSONValue, subresource: String?) -> ManagedFields {
        guard subresource == nil else { return decodedManagedFields(of: old) }
        if ManagedFields.isReset(new["metadata"]?["managedFields"]) { return ManagedFields() }
        if let requested = try? ManagedFields(of: new), !requested.isEmpty { return requested }
        return decodedManagedFields(of: old)
    }

    private static func withoutManagedFields(_ object: JSONValue) -> JSONValue {
        ManagedFields().written(to: object)
    }
}
