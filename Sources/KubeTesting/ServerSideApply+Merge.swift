import EnsembleSupport

extension ServerSideApply {
    /// Merges an apply configuration into the live object as structured-merge-diff does: the configuration's
    /// leaves win, maps merge field by field, set and map lists merge element by element, atomic lists and maps
    /// are replaced whole.
    static func merge(live: JSONValue, configuration: JSONValue, semantics: ListSemantics) -> JSONValue {
        merge(live, configuration, at: FieldSet.SchemaPath(semantics)) ?? configuration
    }

    private static func merge(_ live: JSONValue?, _ configuration: JSONValue?, at schema: FieldSet.SchemaPath) -> JSONValue? {
        guard let live else { return configuration }
        guard let configuration else { return live }
        switch FieldSet.Shape(old: live, new: configuration, at: schema) {
        case .map(let liveMembers, let configuredMembers):
            var merged = liveMembers
            for (name, configured) in configuredMembers {
                merged[name] = merge(liveMembers[name], configured, at: schema.field(name))
            }
            return .object(merged)
        case .list(let liveItems, let configuredItems):
            return .array(mergeItems(liveItems, configuredItems, at: schema))
        case .leaf:
            return configuration
        }
    }

    /// Orders the merged elements like structured-merge-diff: elements only in the live list keep their place,
    /// elements of both lists follow the configuration's order, and each element only in the configuration comes
    /// right before the next element the configuration shares with the live list (or at the end).
    private static func mergeItems(_ liveItems: [JSONValue], _ configuredItems: [JSONValue], at schema: FieldSet.SchemaPath) -> [JSONValue] {
        let live = schema.identifiedItems(liveItems)
        let configured = schema.identifiedItems(configuredItems)
        let liveByElement = Dictionary(live.map { ($0.element, $0.item) }, uniquingKeysWith: { first, _ in first })
        let configuredByElement = Dictionary(configured.map { ($0.element, $0.item) }, uniquingKeysWith: { first, _ in first })
        let shared = configured.map(\.element).filter { liveByElement[$0] != nil }

        var merged: [JSONValue] = []
        var emitted: Set<FieldSet.PathElement> = []
        var nextConfigured = configured.startIndex
        var nextShared = shared.startIndex

        func emitConfigured(through last: FieldSet.PathElement?) {
            while nextConfigured < configured.endIndex {
                let element = configured[nextConfigured].element
                nextConfigured += 1
                if emitted.insert(element).inserted,
                    let item = merge(liveByElement[element], configuredByElement[element], at: schema.element)
                {
                    merged.append(item)
                }
                if element == last { return }
            }
        }

        for (element, item) in live {
            if configuredByElement[element] == nil {
                merged.append(item)
            } else if nextShared < shared.endIndex, shared[nextShared] == element {
                emitConfigured(through: element)
                nextShared += 1
            }
        }
        emitConfigured(through: nil)
        return merged
    }
}
