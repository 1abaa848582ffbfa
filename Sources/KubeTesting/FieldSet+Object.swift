import EnsembleSupport

extension FieldSet {
    /// The fields an apply configuration claims, counted as structured-merge-diff counts them: each scalar, each
    /// atomic list or map as a whole, each element of a set or map list, and each field whose value is null or an
    /// empty map; a map with members is owned through its members (so `f:spec` carries no `.`).
    public init(appliedBy configuration: JSONValue, semantics: ListSemantics) {
        self = Self.owned(below: configuration, at: SchemaPath(semantics))
    }

    /// Every node present in an object: each field, each list element, and each atomic list or map as one node.
    public init(nodesOf object: JSONValue, semantics: ListSemantics) {
        self = Self.nodes(below: object, at: SchemaPath(semantics))
    }

    /// The paths where a configuration sets null: owned by its applier, absent from the stored object.
    static func nullPaths(in configuration: JSONValue, at schema: SchemaPath) -> FieldSet {
        var result = FieldSet()
        guard case .map(_, let members) = Shape(of: configuration, at: schema) else { return result }
        for (name, value) in members {
            if value == .null {
                result.insertMember(.field(name))
            } else {
                result.setChild(nullPaths(in: value, at: schema.field(name)), at: .field(name))
            }
        }
        return result
    }

    /// Adds, as members, the named fields that have paths below them, as structured-merge-diff's
    /// `EnsureNamedFieldsAreMembers` does before pruning: owning `spec.replicas` then also counts as owning `spec`,
    /// while owning `spec.selector.matchLabels.app` does not count as owning a key of a map.
    func includingNamedFields(at schema: SchemaPath) -> FieldSet {
        var result = self
        for (element, child) in children {
            if case .field = element, !schema.holdsMapKeys {
                result.insertMember(element)
            }
            result.setChild(child.includingNamedFields(at: schema.descending(element)), at: element)
        }
        return result
    }

    /// The value with the nodes of this set removed, along with everything below them. A map or list emptied by the
    /// removal disappears (nil), as the apiserver drops the null structured-merge-diff leaves in its place.
    func removed(from value: JSONValue, at schema: SchemaPath) -> JSONValue? {
        guard !isEmpty else { return value }
        switch Shape(of: value, at: schema) {
        case .map(_, let members):
            var kept: [String: JSONValue] = [:]
            for (name, member) in members where !self.members.contains(.field(name)) {
                kept[name] = children[.field(name)].map { $0.removed(from: member, at: schema.field(name)) } ?? member
            }
            return kept.isEmpty ? nil : .object(kept)
        case .list(_, let items):
            let element = schema.element
            let kept = schema.identifiedItems(items).compactMap { identified -> JSONValue? in
                guard !members.contains(identified.element) else { return nil }
                return children[identified.element].map { $0.removed(from: identified.item, at: element) }
                    ?? identified.item
            }
            return kept.isEmpty ? nil : .array(kept)
        case .leaf:
            return value
        }
    }

    private static func owned(below value: JSONValue, at schema: SchemaPath) -> FieldSet {
        var result = FieldSet()
        switch Shape(of: value, at: schema) {
        case .map(_, let members):
            for (name, member) in members {
                let childSchema = schema.field(name)
                if schema.holdsMapKeys || isOwnedAsAWhole(member, at: childSchema) {
                    result.insertMember(.field(name))
                }
                result.setChild(owned(below: member, at: childSchema), at: .field(name))
            }
        case .list(_, let items):
            for (element, item) in schema.identifiedItems(items) {
                result.insertMember(element)
                result.setChild(owned(below: item, at: schema.element), at: element)
            }
        case .leaf:
            break
        }
        return result
    }

    /// Scalars, null, atomic values and empty maps are owned themselves; an empty list that merges by element owns
    /// nothing, as in structured-merge-diff.
    private static func isOwnedAsAWhole(_ value: JSONValue, at schema: SchemaPath) -> Bool {
        guard Shape(of: value, at: schema).isLeaf else { return false }
        if case .array(let items) = value, items.isEmpty, schema.listType != .atomic { return false }
        return true
    }

    private static func nodes(below value: JSONValue, at schema: SchemaPath) -> FieldSet {
        var result = FieldSet()
        switch Shape(of: value, at: schema) {
        case .map(_, let members):
            for (name, member) in members {
                result.insertMember(.field(name))
                result.setChild(nodes(below: member, at: schema.field(name)), at: .field(name))
            }
        case .list(_, let items):
            for (element, item) in schema.identifiedItems(items) {
                result.insertMember(element)
                result.setChild(nodes(below: item, at: schema.element), at: element)
            }
        case .leaf:
            break
        }
        return result
    }
}
