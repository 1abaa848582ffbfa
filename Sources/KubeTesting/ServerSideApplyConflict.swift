import EnsembleSupport

/// An apply that would change fields other managers own, without `force`: the apiserver answers 409 Conflict
/// (reason `Conflict`) with `message` and one cause per conflict (type `FieldManagerConflict`, `message`, `field`).
public struct ServerSideApplyConflict: Error, Sendable, Hashable, CustomStringConvertible {
    public struct Conflict: Sendable, Hashable {
        public var owner: ManagedFieldsEntry.Identity
        public var path: FieldSet.Path

        public init(owner: ManagedFieldsEntry.Identity, path: FieldSet.Path) {
            self.owner = owner
            self.path = path
        }

        /// The cause's message: `conflict with "kubectl" using apps/v1`.
        public var message: String { "conflict with \(owner.conflictDescription)" }

        /// The cause's field: `.spec.replicas`.
        public var field: String { path.description }
    }

    /// Grouped by owner in the apiserver's order, each owner's paths in the order given.
    public let conflicts: [Conflict]

    public init(_ conflicts: [Conflict]) {
        let byOwner = Dictionary(grouping: conflicts, by: \.owner.sortKey)
        self.conflicts = byOwner.keys.sorted().flatMap { byOwner[$0]! }
    }

    /// `Apply failed with 1 conflict: conflict with "kubectl": .spec.replicas`, or for several, one
    /// `conflicts with …:` line per owner followed by `- <path>` lines.
    public var message: String {
        if conflicts.count == 1, let conflict = conflicts.first {
            return "Apply failed with 1 conflict: \(conflict.message): \(conflict.field)"
        }
        var lines: [String] = []
        var currentOwner: ManagedFieldsEntry.Identity?
        for conflict in conflicts {
            if conflict.owner != currentOwner {
                lines.append("conflicts with \(conflict.owner.conflictDescription):")
                currentOwner = conflict.owner
            }
            lines.append("- \(conflict.field)")
        }
        return "Apply failed with \(conflicts.count) conflicts: \(lines.joined(separator: "\n"))"
    }

    public var description: String { message }
}
