import EnsembleSupport

/// What kube-apiserver does to a custom object on create and update, given its CRD version's schema:
/// prune unknown fields, apply defaults, validate (OpenAPI keywords, embedded resources, list uniqueness, the
/// object's name, then the `x-kubernetes-validations` rules).
public struct SchemaEnforcer: Sendable {
    public let schema: StructuralSchema
    private let rules: CELRuleTree

    /// Reads and checks `schema` as the apiserver does when the CRD is created; `path` is where the schema sits in
    /// the CRD, for the error paths. Rules are compiled only when the schema itself is valid, as in the apiserver.
    public init(schema: JSONValue, path: String = StructuralSchema.firstVersionPath) throws(SchemaDefinitionError) {
        let parsed: StructuralSchema
        do {
            parsed = try StructuralSchema(json: schema)
        } catch {
            throw SchemaDefinitionError(errors: [.invalid(path, value: "", detail: error.description)])
        }
        var errors = parsed.validateStructural(at: path)
        var rules = CELRuleTree()
        if errors.isEmpty {
            let compiled = CELRuleTree.compile(parsed, at: SchemaPath(path))
            errors = compiled.errors
            rules = compiled.tree
        }
        guard errors.isEmpty else { throw SchemaDefinitionError(errors: errors) }
        self.schema = parsed
        self.rules = rules
    }

    /// Prunes, defaults and validates `new`; on update `old` is the stored object (transition rules compare against
    /// it, unchanged fields are ratcheted). `warnings` holds the apiserver's warnings: `unknown field "spec.foo"`
    /// for each pruned field, then the ratcheted rule failures.
    public func admit(_ new: JSONValue, old: JSONValue? = nil) -> SchemaAdmission {
        let pruned = SchemaPruner.prune(new, schema: schema)
        let object = SchemaDefaulter.applyDefaults(to: pruned.object, schema: schema)
        let stored = old.map { applyDefaults(SchemaPruner.prune($0, schema: schema).object) }

        var errors = SchemaObjectMeta.validateObjectName(object)
        let openAPI = SchemaValidator.outcome(of: object, against: schema, old: stored)
        errors += openAPI.errors
        var warnings = pruned.unknownFields.map { "unknown field \"\($0)\"" }
        if !rules.isEmpty {
            if errors.contains(where: \.blocksRuleEvaluation) {
                errors.append(.invalid("", value: .null,
                    detail: "some validation rules were not checked because the object was invalid; correct the existing errors to complete validation"))
            } else {
                let ruleOutcome = CELSchemaValidator.validate(object, old: stored, schema: schema, rules: rules)
                errors += ruleOutcome.errors
                warnings += ruleOutcome.ratcheted.map(\.description)
            }
        }
        return SchemaAdmission(object: object, errors: errors, warnings: warnings, unknownFields: pruned.unknownFields)
    }

    /// Defaults as applied when an object is read from storage.
    public func applyDefaults(_ object: JSONValue) -> JSONValue {
        SchemaDefaulter.applyDefaults(to: object, schema: schema)
    }
}

/// The outcome of `SchemaEnforcer.admit`: the object as it would be stored, and why it may not be.
public struct SchemaAdmission: Sendable, Hashable {
    /// The pruned and defaulted object.
    public var object: JSONValue
    /// Empty when the object is valid; otherwise the causes of a 422 Invalid.
    public var errors: [FieldError]
    public var warnings: [String]
    /// The dropped fields' paths (`spec.foo`); with `fieldValidation=Strict` the apiserver refuses the request.
    public var unknownFields: [String]
}

/// A schema the apiserver would refuse in a CustomResourceDefinition: the causes of its 422 Invalid.
public struct SchemaDefinitionError: Error, Sendable, Hashable, CustomStringConvertible {
    public var errors: [FieldError]

    public var description: String {
        errors.map(\.description).joined(separator: ", ")
    }
}

extension FieldError {
    /// OpenAPI failures after which the apiserver does not evaluate CEL rules (their input may be ill-typed).
    var blocksRuleEvaluation: Bool {
        [.notSupported, .required, .tooLong, .tooMany, .typeInvalid].contains(type)
    }
}
