import EnsembleSupport

/// An OpenAPI v3 schema of a CustomResourceDefinition version (`openAPIV3Schema`), read into typed fields.
///
/// It keeps everything kube-apiserver needs to check that the schema is structural and to prune, default and
/// validate custom objects: the generic keywords, the value validations (including `allOf`/`anyOf`/`oneOf`/`not`,
/// whose nested schemas use the same type) and the `x-kubernetes-*` extensions. An empty `type` means unset.
public struct StructuralSchema: Sendable, Hashable {
    public var type = ""
    public var format = ""
    public var title = ""
    public var description = ""
    public var nullable = false
    /// `nil` when no default is given; a `default: null` counts as none, as in the apiserver.
    public var defaultValue: JSONValue?

    public var properties: [String: StructuralSchema] = [:]
    public var additionalProperties: AdditionalProperties?
    public var items: StructuralSchema? {
        get { itemsStorage.first }
        set { itemsStorage = newValue.map { [$0] } ?? [] }
    }
    public var required: [String] = []

    public var enumValues: [JSONValue]?
    public var maximum: Double?
    public var exclusiveMaximum = false
    public var minimum: Double?
    public var exclusiveMinimum = false
    public var multipleOf: Double?
    public var maxLength: Int64?
    public var minLength: Int64?
    public var pattern = ""
    public var maxItems: Int64?
    public var minItems: Int64?
    public var uniqueItems = false
    public var maxProperties: Int64?
    public var minProperties: Int64?
    public var allOf: [StructuralSchema] = []
    public var anyOf: [StructuralSchema] = []
    public var oneOf: [StructuralSchema] = []
    public var not: StructuralSchema? {
        get { notStorage.first }
        set { notStorage = newValue.map { [$0] } ?? [] }
    }

    /// `nil` when unset; `false` is refused by the apiserver ("must be true or undefined").
    public var preserveUnknownFields: Bool?
    public var embeddedResource = false
    public var intOrString = false
    public var listType: String?
    public var listMapKeys: [String] = []
    public var mapType: String?
    public var validationRules: [ValidationRule] = []

    /// Keywords of JSON Schema that CRD schemas may not use (`$ref`, `patternProperties`, ...), in the order met.
    var unsupportedKeywords: [String] = []

    private var itemsStorage: [StructuralSchema] = []
    private var notStorage: [StructuralSchema] = []

    public init() {}

    public indirect enum AdditionalProperties: Sendable, Hashable {
        /// `additionalProperties: true` or `false`.
        case allows(Bool)
        case schema(StructuralSchema)

        public var schema: StructuralSchema? {
            if case .schema(let schema) = self { return schema }
            return nil
        }
    }

    /// One entry of `x-kubernetes-validations`.
    public struct ValidationRule: Sendable, Hashable {
        public var rule: String
        public var message = ""
        public var messageExpression = ""
        /// `FieldValueInvalid` (the default), `FieldValueForbidden`, `FieldValueRequired` or `FieldValueDuplicate`.
        public var reason: String?
        public var fieldPath = ""
        public var optionalOldSelf: Bool?

        public init(rule: String, message: String = "", messageExpression: String = "", reason: String? = nil, fieldPath: String = "") {
            self.rule = rule
            self.message = message
            self.messageExpression = messageExpression
            self.reason = reason
            self.fieldPath = fieldPath
        }
    }

    /// Where a CRD keeps the schema of its first version, the default location for `validateStructural(at:)`.
    public static let firstVersionPath = "spec.versions[0].schema.openAPIV3Schema"

    /// The errors kube-apiserver returns for this schema when a CustomResourceDefinition carrying it is written:
    /// non-structural schemas (`properties[spec].type: Required value: must not be empty for specified object
    /// fields`), keywords CRDs do not support, inconsistent extensions, invalid defaults. Paths start at `path`,
    /// the schema's place in the CRD. `x-kubernetes-validations` rules are compiled by `SchemaEnforcer`.
    public func validateStructural(at path: String = firstVersionPath) -> [FieldError] {
        let base = SchemaPath(path)
        var errors = StructuralSchemaInvariants.errors(of: self, at: base)
        if errors.isEmpty {
            errors += StructuralSchemaDefaults.errors(of: self, at: base)
        }
        return errors + StructuralSchemaDefinitionRules.errors(of: self, at: base)
    }

    /// Whether unknown fields below this node survive pruning.
    var preservesUnknownFields: Bool { preserveUnknownFields == true }

    /// The schema that applies to the member `key` of an object: a declared property, else `additionalProperties`.
    func memberSchema(_ key: String) -> StructuralSchema? {
        properties[key] ?? additionalProperties?.schema
    }
}
