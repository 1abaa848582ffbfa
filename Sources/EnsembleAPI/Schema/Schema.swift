import EnsembleSupport

/// One node of a structural OpenAPI v3 schema, as a CustomResourceDefinition's `openAPIV3Schema` holds it.
///
/// Every API type describes itself with one (`SchemaDescribed`); the CRDs, the Swift-side schema validation and
/// the documentation `kubectl explain` shows are all read from these values.
public struct Schema: Sendable, Hashable {
    public enum DataType: String, Sendable, Hashable {
        case object, array, string, integer, number, boolean
    }

    /// How the API server merges a list in server-side apply (`x-kubernetes-list-type`).
    public enum ListType: String, Sendable, Hashable {
        case atomic, set, map
    }

    /// `nil` only for int-or-string nodes, which structural schemas describe with `x-kubernetes-int-or-string`.
    public var type: DataType?
    public var description: String
    public var format: String?
    public var properties: [String: Schema] = [:]
    public var required: [String] = []
    public var enumValues: [JSONValue] = []
    public var defaultValue: JSONValue?
    public var minimum: JSONValue?
    public var maximum: JSONValue?
    public var minLength: Int?
    public var maxLength: Int?
    public var minItems: Int?
    public var maxItems: Int?
    public var maxProperties: Int?
    public var pattern: String?
    public var listType: ListType?
    public var listMapKeys: [String] = []
    public var preservesUnknownFields = false
    public var isIntOrString = false
    public var validations: [ValidationRule] = []

    // A struct cannot hold an optional of itself; these one-element arrays are the indirection.
    private var itemStorage: [Schema] = []
    private var valueStorage: [Schema] = []

    /// The schema of every element, for arrays.
    public var items: Schema? {
        get { itemStorage.first }
        set { itemStorage = newValue.map { [$0] } ?? [] }
    }

    /// The schema of every value, for string-keyed maps (`additionalProperties`).
    public var additionalProperties: Schema? {
        get { valueStorage.first }
        set { valueStorage = newValue.map { [$0] } ?? [] }
    }

    public init(type: DataType?, description: String) {
        self.type = type
        self.description = description
    }
}
