import EnsembleSupport

/// How the lists and maps of one kind merge, by field path: what kube-apiserver learns from the
/// `x-kubernetes-list-type`, `x-kubernetes-list-map-keys`, `x-kubernetes-map-type` (and, for strategic merge patch,
/// `x-kubernetes-patch-merge-key` / `x-kubernetes-patch-strategy`) extensions of a kind's OpenAPI schema.
///
/// Paths name fields from the object's root joined by `.`, with `[]` standing for "any element of this list" and
/// `{}` for "any value of this map": `spec.template.spec.containers[].ports`, `metadata.labels`.
public struct ListSemantics: Sendable, Hashable {
    public enum ListType: Sendable, Hashable {
        /// Replaced as a whole (the default for lists).
        case atomic
        /// Scalars merged as a set.
        case set
        /// Objects identified by the values of these keys.
        case map(keys: [String])
    }

    /// Strategic merge patch's view of a list: its merge key, if elements merge, and whether primitives merge.
    public struct PatchStrategy: Sendable, Hashable {
        public var mergeKey: String?
        /// `merge` for a list of scalars merged as a set; `replace` otherwise.
        public var strategy: String
        public init(mergeKey: String? = nil, strategy: String = "replace") {
            self.mergeKey = mergeKey
            self.strategy = strategy
        }
    }

    public private(set) var listTypes: [String: ListType]
    public private(set) var atomicMaps: Set<String>
    public private(set) var patchStrategies: [String: PatchStrategy]

    public init(
        listTypes: [String: ListType] = [:], atomicMaps: Set<String> = [], patchStrategies: [String: PatchStrategy] = [:]
    ) {
        self.listTypes = listTypes
        self.atomicMaps = atomicMaps
        self.patchStrategies = patchStrategies
    }

    /// Reads the extensions from an OpenAPI v3 schema (as in a CRD's `openAPIV3Schema`).
    public init(schema: JSONValue) {
        self.init()
        collect(schema, path: "")
    }

    public func listType(at path: String) -> ListType {
        listTypes[path] ?? .atomic
    }

    public func isAtomicMap(at path: String) -> Bool {
        atomicMaps.contains(path)
    }

    public func patchStrategy(at path: String) -> PatchStrategy? {
        patchStrategies[path]
    }

    /// The path of a field below `path`.
    public static func child(_ path: String, _ field: String) -> String {
        path.isEmpty ? field : "\(path).\(field)"
    }

    /// The path of the elements of the list at `path`.
    public static func element(_ path: String) -> String { "\(path)[]" }

    /// The path of the values of the map at `path`.
    public static func value(_ path: String) -> String { "\(path).{}" }

    private mutating func collect(_ schema: JSONValue, path: String) {
        guard case .object = schema else { return }
        if let type = schema["x-kubernetes-list-type"]?.stringValue {
            switch type {
            case "set": listTypes[path] = .set
            case "map":
                let keys = schema["x-kubernetes-list-map-keys"]?.arrayValue?.compactMap(\.stringValue) ?? []
                listTypes[path] = .map(keys: keys)
            default: listTypes[path] = .atomic
            }
        }
        if schema["x-kubernetes-map-type"]?.stringValue == "atomic" {
            atomicMaps.insert(path)
        }
        let mergeKey = schema["x-kubernetes-patch-merge-key"]?.stringValue
        let strategy = schema["x-kubernetes-patch-strategy"]?.stringValue
        if mergeKey != nil || strategy != nil {
            patchStrategies[path] = PatchStrategy(mergeKey: mergeKey, strategy: strategy ?? "replace")
        }
        if let properties = schema["properties"]?.objectValue {
            for (name, property) in properties {
                collect(property, path: Self.child(path, name))
            }
        }
        if let items = schema["items"] {
            collect(items, path: Self.element(path))
        }
        if let additional = schema["additionalProperties"], case .object = additional {
            collect(additional, path: Self.value(path))
        }
    }
}
