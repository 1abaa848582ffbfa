import EnsembleSupport
import Foundation

/// Validates a custom object against its structural schema the way kube-apiserver does for custom resources:
/// the OpenAPI keywords (as kube-openapi checks them, with the same messages), the ObjectMeta and TypeMeta of
/// embedded resources, and the uniqueness of `x-kubernetes-list-type: set` and `map` lists.
///
/// `x-kubernetes-validations` (CEL) rules are not evaluated here; `SchemaEnforcer` runs them after this validation.
public enum SchemaValidator {
    /// The errors of `object` against `schema`, with field paths from the object's root.
    ///
    /// On update, pass the stored object as `old`: as in Kubernetes 1.30+ (CRD validation ratcheting), errors of
    /// fields whose value did not change are not reported, so a schema may be tightened without blocking updates
    /// of unrelated fields.
    public static func validate(_ object: JSONValue, against schema: StructuralSchema, old: JSONValue? = nil) -> [FieldError] {
        outcome(of: object, against: schema, old: old).errors
    }

    static func outcome(of object: JSONValue, against schema: StructuralSchema, old: JSONValue?) -> SchemaValidationOutcome {
        var walk = OpenAPIValueValidator(base: .root)
        var outcome = SchemaValidationOutcome()
        outcome.errors = walk.validate(object, schema, name: "", old: old)
        outcome.ratcheted = walk.ratcheted
        outcome.errors += SchemaObjectMeta.validateEmbeddedResources(in: object, schema: schema)
        if old.map({ SchemaListUniqueness.validate($0, schema: schema).isEmpty }) ?? true {
            outcome.errors += SchemaListUniqueness.validate(object, schema: schema)
        }
        return outcome
    }

    /// The OpenAPI errors alone, for a value checked against one schema node; paths start at `base` and the
    /// messages name fields relative to that node, as when the apiserver checks a `default`.
    static func openAPIErrors(of value: JSONValue, against schema: StructuralSchema, at base: SchemaPath) -> [FieldError] {
        var walk = OpenAPIValueValidator(base: base)
        return walk.validate(value, schema, name: "", old: nil)
    }
}

struct SchemaValidationOutcome {
    var errors: [FieldError] = []
    /// Errors of unchanged fields on update, which the apiserver lets through.
    var ratcheted: [FieldError] = []
}

/// kube-openapi's schema validator, node by node, translated into field errors as apiextensions-apiserver does.
///
/// kube-openapi names a node by a dotted path relative to where validation started (`spec.agents[0].name`);
/// messages quote that name (`spec.replicas in body should be ...`) and the field path is `base` plus the name.
private struct OpenAPIValueValidator {
    let base: SchemaPath
    var ratcheted: [FieldError] = []

    init(base: SchemaPath) {
        self.base = base
    }

    mutating func validate(_ value: JSONValue, _ schema: StructuralSchema, name: String, old: JSONValue?) -> [FieldError] {
        let errors = checks(value, schema, name: name, old: old)
        if let old, old == value, !errors.isEmpty {
            ratcheted += errors
            return []
        }
        return errors
    }

    private mutating func checks(_ value: JSONValue, _ schema: StructuralSchema, name: String, old: JSONValue?) -> [FieldError] {
        if value == .null {
            return [typeError(value, schema, name: name), enumError(value, schema, name: name)].compactMap { $0 }
        }
        var errors: [FieldError] = []
        if let error = typeError(value, schema, name: name) { errors.append(error) }
        errors += compositionErrors(value, schema, name: name)
        if case .string(let text) = value {
            if let error = stringError(text, schema, name: name) { errors.append(error) }
            if let error = formatError(text, schema, name: name) { errors.append(error) }
        }
        errors += numberErrors(value, schema, name: name)
        if case .array(let elements) = value {
            errors += arrayErrors(elements, schema, name: name)
        }
        if let error = enumError(value, schema, name: name) { errors.append(error) }
        if case .object(let members) = value {
            errors += objectErrors(members, schema, name: name, old: old)
        }
        return errors
    }

    private func path(_ name: String) -> String {
        let trimmed = name.hasPrefix(".") ? String(name.dropFirst()) : name
        return (trimmed.isEmpty ? base : base.child(trimmed)).description
    }

    // MARK: type and format

    private func typeError(_ value: JSONValue, _ schema: StructuralSchema, name: String) -> FieldError? {
        let format = SchemaFormat.effectiveFormat(of: schema)
        guard !schema.type.isEmpty || !format.isEmpty else { return nil }
        if value == .null {
            guard !schema.type.isEmpty, !schema.nullable else { return nil }
            return invalidType(name, typeName: schema.type, actual: "null")
        }
        let (dataType, dataFormat) = Self.typeAndFormat(of: value)
        let isFloatInt = dataType == "number" && Self.isJSONInteger(value.doubleValue ?? .nan) && schema.type == "integer"
        let isIntFloat = dataType == "integer" && schema.type == "number"
        let typeMatches = schema.type == dataType || isFloatInt || isIntFloat
        let isStringOrArray = dataType == "string" || dataType == "array"
        if !isStringOrArray && !format.isEmpty && !(typeMatches || dataFormat == format) {
            return invalidType(name, typeName: format, actual: dataFormat)
        }
        if schema.type != "number" && schema.type != "integer" && !format.isEmpty && isStringOrArray {
            return nil
        }
        return typeMatches ? nil : invalidType(name, typeName: schema.type, actual: dataType)
    }

    private func invalidType(_ name: String, typeName: String, actual: String) -> FieldError {
        .typeInvalid(path(name), value: .string(actual),
            detail: "\(name) in body must be of type \(typeName): \(SchemaValueFormat.quoted(actual))")
    }

    private func formatError(_ text: String, _ schema: StructuralSchema, name: String) -> FieldError? {
        let format = SchemaFormat.effectiveFormat(of: schema)
        guard SchemaFormat.isStringFormat(format), !SchemaFormat.accepts(text, format: format) else { return nil }
        return .typeInvalid(path(name), value: .string(text),
            detail: "\(name) in body must be of type \(format): \(SchemaValueFormat.quoted(text))")
    }

    static func typeAndFormat(of value: JSONValue) -> (type: String, format: String) {
        switch value {
        case .null: ("null", "")
        case .bool: ("boolean", "")
        case .integer: ("integer", "int64")
        case .double: ("number", "float64")
        case .string: ("string", "")
        case .array: ("array", "")
        case .object: ("object", "")
        }
    }

    static func isJSONInteger(_ number: Double) -> Bool {
        number.isFinite && number == number.rounded() && abs(number) <= 9_007_199_254_740_992
    }

    // MARK: allOf, anyOf, oneOf, not

    private mutating func compositionErrors(_ value: JSONValue, _ schema: StructuralSchema, name: String) -> [FieldError] {
        var errors: [FieldError] = []
        let quotedName = SchemaValueFormat.quoted(name)
        if !schema.anyOf.isEmpty {
            let results = alternativeResults(value, schema.anyOf, name: name)
            if !results.contains(where: \.isEmpty) {
                errors.append(compositionError("\(quotedName) must validate at least one schema (anyOf)"))
                errors += results.first ?? []
            }
        }
        if !schema.oneOf.isEmpty {
            let results = alternativeResults(value, schema.oneOf, name: name)
            let valid = results.filter(\.isEmpty).count
            if valid != 1 {
                let found = valid == 0 ? "Found none valid" : "Found \(valid) valid alternatives"
                errors.append(compositionError("\(quotedName) must validate one and only one schema (oneOf). \(found)"))
                if valid == 0 { errors += results.first ?? [] }
            }
        }
        if !schema.allOf.isEmpty {
            let results = alternativeResults(value, schema.allOf, name: name)
            errors += results.flatMap { $0 }
            let valid = results.filter(\.isEmpty).count
            if valid != results.count {
                errors.append(compositionError("\(quotedName) must validate all the schemas (allOf)" + (valid == 0 ? ". None validated" : "")))
            }
        }
        if let not = schema.not, checks(value, not, name: name, old: nil).isEmpty {
            errors.append(compositionError("\(quotedName) must not validate the schema (not)"))
        }
        return errors
    }

    private mutating func alternativeResults(_ value: JSONValue, _ schemas: [StructuralSchema], name: String) -> [[FieldError]] {
        var results: [[FieldError]] = []
        for schema in schemas {
            results.append(checks(value, schema, name: name, old: nil))
        }
        return results
    }

    /// Combinator failures are not kube-openapi validation errors; apiextensions reports them at the root path.
    private func compositionError(_ message: String) -> FieldError {
        .invalid(base.description, value: "", detail: message)
    }

    // MARK: strings

    private func stringError(_ text: String, _ schema: StructuralSchema, name: String) -> FieldError? {
        let length = Int64(text.unicodeScalars.count)
        if let maxLength = schema.maxLength, length > maxLength {
            return .tooLong(path(name), value: .string(text), maxLength: maxLength)
        }
        if let minLength = schema.minLength, length < minLength {
            return .invalid(path(name), value: .string(text), detail: "\(name) in body should be at least \(minLength) chars long")
        }
        if !schema.pattern.isEmpty {
            guard let expression = try? NSRegularExpression(pattern: schema.pattern) else {
                return .invalid(path(name), value: .string(text),
                    detail: "\(name) in body should match '\(schema.pattern), but pattern is invalid'")
            }
            if expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
                return .invalid(path(name), value: .string(text), detail: "\(name) in body should match '\(schema.pattern)'")
            }
        }
        return nil
    }

    // MARK: numbers

    private func numberErrors(_ value: JSONValue, _ schema: StructuralSchema, name: String) -> [FieldError] {
        let multiple = schema.multipleOf.flatMap { multipleOfError(value, factor: $0, name: name) }
        let minimum = schema.minimum.flatMap {
            boundError(value, bound: $0, exclusive: schema.exclusiveMinimum, name: name, isMaximum: false)
        }
        let maximum = schema.maximum.flatMap {
            boundError(value, bound: $0, exclusive: schema.exclusiveMaximum, name: name, isMaximum: true)
        }
        return [multiple, minimum, maximum].compactMap { $0 }
    }

    private func boundError(_ value: JSONValue, bound: Double, exclusive: Bool, name: String, isMaximum: Bool) -> FieldError? {
        let relation = isMaximum
            ? (exclusive ? "less than" : "less than or equal to")
            : (exclusive ? "greater than" : "greater than or equal to")
        func violates<Number: Comparable>(_ number: Number, _ limit: Number) -> Bool {
            isMaximum ? (number > limit || (exclusive && number == limit)) : (number < limit || (exclusive && number == limit))
        }
        if case .integer(let number) = value, let limit = Int64(exactly: bound.rounded(.towardZero)) {
            guard violates(number, limit) else { return nil }
            return .invalid(path(name), value: value, detail: "\(name) in body should be \(relation) \(limit)")
        }
        guard let number = value.doubleValue, violates(number, bound) else { return nil }
        return .invalid(path(name), value: value, detail: "\(name) in body should be \(relation) \(SchemaValueFormat.float(bound))")
    }

    private func multipleOfError(_ value: JSONValue, factor: Double, name: String) -> FieldError? {
        if case .integer(let number) = value, let integerFactor = Int64(exactly: factor.rounded(.towardZero)), integerFactor != 0 {
            guard number % integerFactor != 0 else { return nil }
            return .invalid(path(name), value: value, detail: "\(name) in body should be a multiple of \(integerFactor)")
        }
        guard let number = value.doubleValue else { return nil }
        if factor < 0 {
            return .invalid(path(name), value: .double(factor),
                detail: "factor MultipleOf declared for \(name) must be positive: \(SchemaValueFormat.float(factor))")
        }
        let quotient = factor < 1 ? 1 / factor * number : number / factor
        guard !Self.isJSONInteger(quotient) else { return nil }
        return .invalid(path(name), value: .double(number), detail: "\(name) in body should be a multiple of \(SchemaValueFormat.float(factor))")
    }

    // MARK: arrays

    private mutating func arrayErrors(_ elements: [JSONValue], _ schema: StructuralSchema, name: String) -> [FieldError] {
        var errors: [FieldError] = []
        if let items = schema.items {
            for (index, element) in elements.enumerated() {
                errors += validate(element, items, name: "\(name)[\(index)]", old: nil)
            }
        }
        let size = Int64(elements.count)
        if let minItems = schema.minItems, size < minItems {
            errors.append(.invalid(path(name), value: .integer(size), detail: "\(name) in body should have at least \(minItems) items"))
        }
        if let maxItems = schema.maxItems, size > maxItems {
            errors.append(.tooMany(path(name), actual: size, max: maxItems))
        }
        if schema.uniqueItems, Set(elements).count != elements.count {
            errors.append(.invalid(path(name), value: "", detail: "\(name) in body shouldn't contain duplicates"))
        }
        return errors
    }

    // MARK: enum

    private func enumError(_ value: JSONValue, _ schema: StructuralSchema, name: String) -> FieldError? {
        guard let allowed = schema.enumValues, !allowed.isEmpty else { return nil }
        if value != .null, allowed.contains(where: { Self.enumMatches(value, $0) }) { return nil }
        return .notSupported(path(name), value: value, supported: allowed.map(Self.enumText))
    }

    private static func enumMatches(_ value: JSONValue, _ allowed: JSONValue) -> Bool {
        switch (value, allowed) {
        case (.integer, .double), (.double, .integer): value.doubleValue == allowed.doubleValue
        default: value == allowed
        }
    }

    /// How apiextensions lists enum values: strings as they are, everything else as JSON.
    static func enumText(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): text
        case .double(let number): SchemaValueFormat.float(number)
        default: JSONText.string(value)
        }
    }

    // MARK: objects

    private mutating func objectErrors(_ members: [String: JSONValue], _ schema: StructuralSchema, name: String, old: JSONValue?) -> [FieldError] {
        let count = Int64(members.count)
        if let minProperties = schema.minProperties, count < minProperties {
            return [.invalid(path(name), value: .integer(count), detail: "\(name) in body should have at least \(minProperties) properties")]
        }
        if let maxProperties = schema.maxProperties, count > maxProperties {
            return [.tooMany(path(name), actual: count, max: maxProperties)]
        }
        var errors: [FieldError] = []
        let undeclared = members.keys.filter { schema.properties[$0] == nil }.sorted()
        switch schema.additionalProperties {
        case .allows(false):
            for key in undeclared {
                errors.append(.invalid(path(name), value: .string(key), detail: "\(name).\(key) in body is a forbidden property"))
            }
        case .schema(let additional):
            for key in undeclared {
                errors += validate(members[key]!, additional, name: "\(name).\(key)", old: nil)
            }
        case .allows(true), nil:
            break
        }
        let oldMembers = old?.objectValue
        for key in schema.properties.keys.sorted() {
            guard let member = members[key] else { continue }
            let memberName = name.isEmpty ? key : "\(name).\(key)"
            errors += validate(member, schema.properties[key]!, name: memberName, old: oldMembers?[key])
        }
        for key in schema.required where members[key] == nil {
            errors.append(.required(path("\(name).\(key)")))
        }
        return errors
    }
}
