import EnsembleSupport

extension ServerSideApply {
    /// What changed between two versions of an object, as structured-merge-diff's `Compare` reports it: leaves
    /// (scalars, atomic lists and maps) that appeared, changed or disappeared, and granular maps, list elements and
    /// fields that appeared or disappeared.
    struct Comparison {
        var added = FieldSet()
        var modified = FieldSet()
        var removed = FieldSet()

        init(old: JSONValue, new: JSONValue, semantics: ListSemantics) {
            self.init(old: old, new: new, at: FieldSet.SchemaPath(semantics))
        }

        private init() {}

        private init(old: JSONValue?, new: JSONValue?, at schema: FieldSet.SchemaPath) {
            switch FieldSet.Shape(old: old, new: new, at: schema) {
            case .map(let oldMembers, let newMembers):
                for name in Set(oldMembers.keys).union(newMembers.keys) {
                    record(.field(name), old: oldMembers[name], new: newMembers[name], at: schema.field(name))
                }
            case .list(let oldItems, let newItems):
                let oldIdentified = schema.identifiedItems(oldItems)
                let newIdentified = schema.identifiedItems(newItems)
                let oldByElement = Dictionary(oldIdentified.map { ($0.element, $0.item) }, uniquingKeysWith: { first, _ in first })
                let newByElement = Dictionary(newIdentified.map { ($0.element, $0.item) }, uniquingKeysWith: { first, _ in first })
                var seen: Set<FieldSet.PathElement> = []
                for element in (oldIdentified + newIdentified).map(\.element) where seen.insert(element).inserted {
                    record(element, old: oldByElement[element], new: newByElement[element], at: schema.element)
                }
            case .leaf:
                break
            }
        }

        /// The fields a non-apply write takes over: what it added or changed, less what it removed.
        var taken: FieldSet {
            added.union(modified).subtracting(removed)
        }

        private mutating func record(
            _ element: FieldSet.PathElement, old: JSONValue?, new: JSONValue?, at schema: FieldSet.SchemaPath
        ) {
            let below = Comparison(old: old, new: new, at: schema)
            added.setChild(below.added, at: element)
            modified.setChild(below.modified, at: element)
            removed.setChild(below.removed, at: element)
            if old == nil {
                added.insertMember(element)
            } else if new == nil {
                removed.insertMember(element)
            } else if FieldSet.Shape(old: old, new: new, at: schema).isLeaf, old != new {
                modified.insertMember(element)
            }
        }
    }
}
