import EnsembleSupport

/// One resource the emulator serves at one group/version: names, scope, verbs, subresources and merge rules.
public struct ResourceType: Sendable {
    public var group: String
    public var version: String
    public var plural: String
    public var singular: String
    public var kind: String
    public var namespaced: Bool
    public var shortNames: [String]
    public var categories: [String]
    public var hasStatus: Bool
    /// `generation` counts changes of everything but metadata and status.
    public var tracksGeneration: Bool
    /// For the scale subresource: where the replica count lives in the object.
    public var scale: ScalePaths?
    public var semantics: ListSemantics
    /// Strategic merge patch is accepted (built-in kinds only, as in kube-apiserver).
    public var acceptsStrategicMerge: Bool
    /// Custom resources: the version's schema, enforced on every write.
    public var schema: SchemaEnforcer?
    /// Extra printer columns (custom resources), served in `Table` responses.
    public var printerColumns: [JSONValue]
    /// Custom resources: the version's `openAPIV3Schema` as written, served under `/openapi/v3`.
    public var schemaDocument: JSONValue?

    public struct ScalePaths: Sendable, Hashable {
        public var specReplicas: [String]
        public var statusReplicas: [String]
        public var labelSelector: [String]?
    }

    public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }
    public var listKind: String { "\(kind)List" }
    public var qualifiedName: String { group.isEmpty ? plural : "\(plural).\(group)" }

    public var verbs: [String] {
        ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]
    }

    public init(
        group: String, version: String, plural: String, singular: String, kind: String, namespaced: Bool,
        shortNames: [String] = [], categories: [String] = [], hasStatus: Bool = false, tracksGeneration: Bool = false,
        scale: ScalePaths? = nil, semantics: ListSemantics = ListSemantics(), acceptsStrategicMerge: Bool = false,
        schema: SchemaEnforcer? = nil, printerColumns: [JSONValue] = [], schemaDocument: JSONValue? = nil
    ) {
        self.group = group
        self.version = version
        self.plural = plural
        self.singular = singular
        self.kind = kind
        self.namespaced = namespaced
        self.shortNames = shortNames
        self.categories = categories
        self.hasStatus = hasStatus
        self.tracksGeneration = tracksGeneration
        self.scale = scale
        self.semantics = semantics
        self.acceptsStrategicMerge = acceptsStrategicMerge
        self.schema = schema
        self.printerColumns = printerColumns
        self.schemaDocument = schemaDocument
    }
}
