import EnsembleSupport

extension FieldSet {
    /// Where a walk over an object stands in a kind's `ListSemantics`: the semantic path of the current node
    /// (`spec.template.spec.containers[].ports`), which decides how its lists and maps merge.
    struct SchemaPath {
        let semantics: ListSemantics
        /// Paths whose children are keys of a map (`labels.{}`-style paths are declared below them), not named fields.
        private let mapPaths: Set<String>
        let path: String

        init(_ semantics: ListSemantics) {
            var mapPaths: Set<String> = []
            let declared = Array(semantics.listTypes.keys) + Array(semantics.atomicMaps)
                + Array(semantics.patchStrategies.keys)
            let marker = ListSemantics.value("")
            for path in declared {
                var searched = path[...]
                while let range = searched.range(of: marker) {
                    mapPaths.insert(String(path[..<range.lowerBound]))
                    searched = path[range.upperBound...]
                }
            }
            self.init(semantics: semantics, mapPaths: mapPaths, path: "")
        }

        private init(semantics: ListSemantics, mapPaths: Set<String>, path: String) {
            self.semantics = semantics
            self.mapPaths = mapPaths
            self.path = path
        }

        /// Whether the children of this node are keys of a map rather than named fields of a struct.
        var holdsMapKeys: Bool { mapPaths.contains(path) }

        var listType: ListSemantics.ListType { semantics.listType(at: path) }

        var isAtomicMap: Bool { semantics.isAtomicMap(at: path) }

        func field(_ name: String) -> SchemaPath {
            moved(to: holdsMapKeys ? ListSemantics.value(path) : ListSemantics.child(path, name))
        }

        var element: SchemaPath { moved(to: ListSemantics.element(path)) }

        func descending(_ element: PathElement) -> SchemaPath {
            if case .field(let name) = element { return field(name) }
            return self.element
        }

        /// The element that identifies `item` in the list at this path.
        func pathElement(ofItem item: JSONValue, at index: Int) -> PathElement {
            switch listType {
            case .map(let keys):
                let keyValues = item.objectValue.map { members in members.filter { keys.contains($0.key) } } ?? [:]
                return keyValues.isEmpty ? .index(index) : .key(keyValues)
            case .set:
                return .value(item)
            case .atomic:
                return .index(index)
            }
        }

        /// The items of a list at this path with the elements that identify them.
        func identifiedItems(_ items: [JSONValue]) -> [(element: PathElement, item: JSONValue)] {
            items.enumerated().map { (pathElement(ofItem: $1, at: $0), $1) }
        }

        private func moved(to path: String) -> SchemaPath {
            SchemaPath(semantics: semantics, mapPaths: mapPaths, path: path)
        }
    }

    /// How a node, or a pair of versions of a node, is walked: member by member, item by item, or as one value.
    enum Shape {
        case map(old: [String: JSONValue], new: [String: JSONValue])
        case list(old: [JSONValue], new: [JSONValue])
        case leaf

        /// Two versions of a node (either may be absent) are walked granularly when both are maps (or lists that
        /// are not atomic) and they are not both empty; otherwise the node is one value, as structured-merge-diff
        /// promotes empty and mismatched nodes to leaves.
        init(old: JSONValue?, new: JSONValue?, at schema: SchemaPath) {
            switch (old, new) {
            case (.object(let oldMembers)?, .object(let newMembers)?):
                self = Self.map(oldMembers, newMembers, schema)
            case (.object(let oldMembers)?, nil):
                self = Self.map(oldMembers, [:], schema)
            case (nil, .object(let newMembers)?):
                self = Self.map([:], newMembers, schema)
            case (.array(let oldItems)?, .array(let newItems)?):
                self = Self.list(oldItems, newItems, schema)
            case (.array(let oldItems)?, nil):
                self = Self.list(oldItems, [], schema)
            case (nil, .array(let newItems)?):
                self = Self.list([], newItems, schema)
            default:
                self = .leaf
            }
        }

        init(of value: JSONValue, at schema: SchemaPath) {
            self.init(old: nil, new: value, at: schema)
        }

        var isLeaf: Bool {
            if case .leaf = self { return true }
            return false
        }

        private static func map(_ old: [String: JSONValue], _ new: [String: JSONValue], _ schema: SchemaPath) -> Shape {
            schema.isAtomicMap || (old.isEmpty && new.isEmpty) ? .leaf : .map(old: old, new: new)
        }

        private static func list(_ old: [JSONValue], _ new: [JSONValue], _ schema: SchemaPath) -> Shape {
            schema.listType == .atomic || (old.isEmpty && new.isEmpty) ? .leaf : .list(old: old, new: new)
        }
    }
}
