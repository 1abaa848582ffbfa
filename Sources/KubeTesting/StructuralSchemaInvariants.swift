import EnsembleSupport
import Foundation

/// apiextensions' `ValidateStructural`: the invariants that make a schema structural (every field typed, value
/// validations under `allOf`/`anyOf`/`oneOf`/`not` adding no structure, `metadata` restricted to `name` and
/// `generateName`, the `x-kubernetes-*` extensions consistent), plus completeness at the root. Errors come sorted
/// by their text, as the apiserver sorts them.
enum StructuralSchemaInvariants {
    private enum Level {
        case root, item, field
    }

    static func errors(of schema: StructuralSchema, at path: SchemaPath) -> [FieldError] {
        let errors = invariantErrors(schema, level: .root, path: path) + completenessErrors(of: schema, at: path)
        return errors.sorted { $0.description < $1.description }
    }

    private static func invariantErrors(_ schema: StructuralSchema, level: Level, path: SchemaPath) -> [FieldError] {
        var errors: [FieldError] = []
        if schema.type == "array" && schema.items == nil {
            errors.append(.required(path.child("items").description, detail: "must be specified"))
        }
        if let items = schema.items {
            errors += invariantErrors(items, level: .item, path: path.child("items"))
        }
        for (name, property) in schema.properties {
            errors += invariantErrors(property, level: .field, path: path.child("properties").key(name))
        }
        if let additional = schema.additionalProperties {
            if level == .root {
                errors.append(.forbidden(path.child("additionalProperties").description, detail: "must not be used at the root"))
            }
            if let additionalSchema = additional.schema {
                errors += invariantErrors(additionalSchema, level: .field, path: path.child("additionalProperties"))
            }
        }
        if schema.intOrString && schema.preservesUnknownFields {
            errors.append(.invalid(path.child("x-kubernetes-preserve-unknown-fields").description, value: true,
                detail: "must be false if x-kubernetes-int-or-string is true"))
        }
        if schema.intOrString && schema.embeddedResource {
            errors.append(.invalid(path.child("x-kubernetes-embedded-resource").description, value: true,
                detail: "must be false if x-kubernetes-int-or-string is true"))
        }
        errors += valueValidationErrors(schema, skipAnyOf: isIntOrStringAnyOf(schema.anyOf),
            skipFirstAllOfAnyOf: schema.allOf.first.map { isIntOrStringAnyOf($0.anyOf) } ?? false, path: path)

        if schema.embeddedResource && schema.type != "object" {
            let detail = "must be object if x-kubernetes-embedded-resource is true"
            errors.append(schema.type.isEmpty
                ? .required(path.child("type").description, detail: detail)
                : .invalid(path.child("type").description, value: .string(schema.type), detail: detail))
        } else if schema.type.isEmpty && !schema.intOrString && !schema.preservesUnknownFields {
            let detail = switch level {
            case .root: "must not be empty at the root"
            case .item: "must not be empty for specified array items"
            case .field: "must not be empty for specified object fields"
            }
            errors.append(.required(path.child("type").description, detail: detail))
        }
        if schema.embeddedResource && schema.additionalProperties != nil {
            errors.append(.forbidden(path.child("additionalProperties").description,
                detail: "must not be used if x-kubernetes-embedded-resource is set"))
        }
        if level == .root && !schema.type.isEmpty && schema.type != "object" {
            errors.append(.invalid(path.child("type").description, value: .string(schema.type), detail: "must be object at the root"))
        }
        let checkMetadata = level == .root || schema.embeddedResource
        for name in ["kind", "apiVersion"] {
            if checkMetadata, let property = schema.properties[name], property.type != "string" {
                errors.append(.invalid(path.child("properties").key(name).child("type").description,
                    value: .string(property.type), detail: "must be string"))
            }
        }
        if let metadata = schema.properties["metadata"] {
            errors += metadataErrors(metadata, checkMetadata: checkMetadata, level: level,
                path: path.child("properties").key("metadata"))
        }
        if schema.embeddedResource && !schema.preservesUnknownFields && schema.properties.isEmpty {
            errors.append(.required(path.child("properties").description,
                detail: "must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields"))
        }
        return errors
    }

    private static func metadataErrors(_ metadata: StructuralSchema, checkMetadata: Bool, level: Level, path: SchemaPath) -> [FieldError] {
        var errors: [FieldError] = []
        if checkMetadata && metadata.type != "object" {
            errors.append(.invalid(path.child("type").description, value: .string(metadata.type), detail: "must be object"))
        }
        if level == .root {
            var rest = metadata
            let names = Set(rest.properties.keys)
            if names == ["name", "generateName"] || names == ["name"] || names == ["generateName"] {
                rest.properties = [:]
            }
            rest.type = ""
            rest.defaultValue = nil
            if rest != StructuralSchema() {
                errors.append(.forbidden(path.description,
                    detail: "must not specify anything other than name and generateName, but metadata is implicitly specified"))
            }
        }
        return errors
    }

    /// The two shapes that express int-or-string in value validations: `anyOf: [{type: integer}, {type: string}]`.
    private static func isIntOrStringAnyOf(_ anyOf: [StructuralSchema]) -> Bool {
        var integer = StructuralSchema()
        integer.type = "integer"
        var string = StructuralSchema()
        string.type = "string"
        return anyOf == [integer, string]
    }

    private static func valueValidationErrors(_ schema: StructuralSchema, skipAnyOf: Bool, skipFirstAllOfAnyOf: Bool, path: SchemaPath) -> [FieldError] {
        var errors: [FieldError] = []
        if !skipAnyOf {
            for (index, nested) in schema.anyOf.enumerated() {
                errors += nestedErrors(nested, skipAnyOf: false, path: path.child("anyOf").index(index))
            }
        }
        for (index, nested) in schema.allOf.enumerated() {
            errors += nestedErrors(nested, skipAnyOf: skipFirstAllOfAnyOf && index == 0, path: path.child("allOf").index(index))
        }
        for (index, nested) in schema.oneOf.enumerated() {
            errors += nestedErrors(nested, skipAnyOf: false, path: path.child("oneOf").index(index))
        }
        if let not = schema.not {
            errors += nestedErrors(not, skipAnyOf: false, path: path.child("not"))
        }
        if !schema.pattern.isEmpty, let problem = patternProblem(schema.pattern) {
            errors.append(.invalid(path.child("pattern").description, value: .string(schema.pattern),
                detail: "must be a valid regular expression, but isn't: \(problem)"))
        }
        return errors
    }

    static func patternProblem(_ pattern: String) -> String? {
        do {
            _ = try NSRegularExpression(pattern: pattern)
            return nil
        } catch {
            return "error parsing regexp: invalid pattern: `\(pattern)`"
        }
    }

    /// A schema under `allOf`/`anyOf`/`oneOf`/`not` may only restrict values, never add structure.
    private static func nestedErrors(_ nested: StructuralSchema, skipAnyOf: Bool, path: SchemaPath) -> [FieldError] {
        var errors = valueValidationErrors(nested, skipAnyOf: skipAnyOf, skipFirstAllOfAnyOf: false, path: path)
        if let items = nested.items {
            errors += nestedErrors(items, skipAnyOf: false, path: path.child("items"))
        }
        for (name, property) in nested.properties {
            errors += nestedErrors(property, skipAnyOf: false, path: path.child("properties").key(name))
        }
        func forbid(_ keyword: String, _ detail: String) {
            errors.append(.forbidden(path.child(keyword).description, detail: detail))
        }
        if !nested.type.isEmpty { forbid("type", "must be empty to be structural") }
        if nested.additionalProperties != nil { forbid("additionalProperties", "must be undefined to be structural") }
        if nested.defaultValue != nil { forbid("default", "must be undefined to be structural") }
        if !nested.title.isEmpty { forbid("title", "must be empty to be structural") }
        if !nested.description.isEmpty { forbid("description", "must be empty to be structural") }
        if nested.nullable { forbid("nullable", "must be false to be structural") }
        if nested.preservesUnknownFields { forbid("x-kubernetes-preserve-unknown-fields", "must be false to be structural") }
        if nested.embeddedResource { forbid("x-kubernetes-embedded-resource", "must be false to be structural") }
        if nested.intOrString { forbid("x-kubernetes-int-or-string", "must be false to be structural") }
        if !nested.listMapKeys.isEmpty { forbid("x-kubernetes-list-map-keys", "must be empty to be structural") }
        if nested.listType != nil { forbid("x-kubernetes-list-type", "must be undefined to be structural") }
        if nested.mapType != nil { forbid("x-kubernetes-map-type", "must be undefined to be structural") }
        if !nested.validationRules.isEmpty { forbid("x-kubernetes-validations", "must be empty to be structural") }
        if nested.properties["metadata"] != nil {
            errors.append(.forbidden(path.child("properties").key("metadata").description, detail: "must not be specified in a nested context"))
        }
        return errors
    }

    // MARK: completeness

    /// Every field and item that value validations at the root mention must exist in the structural part.
    private static func completenessErrors(of schema: StructuralSchema, at path: SchemaPath) -> [FieldError] {
        nestedCompleteness(ofCombinatorsIn: schema, against: schema, structuralPath: path, validationPath: path)
    }

    private static func nestedCompleteness(ofCombinatorsIn validation: StructuralSchema, against structural: StructuralSchema?,
                                           structuralPath: SchemaPath, validationPath: SchemaPath) -> [FieldError] {
        var errors: [FieldError] = []
        var nested: [(StructuralSchema, SchemaPath)] = []
        if let not = validation.not { nested.append((not, validationPath.child("not"))) }
        nested += validation.allOf.enumerated().map { ($1, validationPath.child("allOf").index($0)) }
        nested += validation.anyOf.enumerated().map { ($1, validationPath.child("anyOf").index($0)) }
        nested += validation.oneOf.enumerated().map { ($1, validationPath.child("oneOf").index($0)) }
        for (schema, path) in nested {
            errors += completeness(of: schema, against: structural, structuralPath: structuralPath, validationPath: path)
        }
        return errors
    }

    private static func completeness(of validation: StructuralSchema, against structural: StructuralSchema?,
                                     structuralPath: SchemaPath, validationPath: SchemaPath) -> [FieldError] {
        guard let structural else {
            return [.required(structuralPath.description, detail: "because it is defined in \(validationPath)")]
        }
        var errors = nestedCompleteness(ofCombinatorsIn: validation, against: structural,
            structuralPath: structuralPath, validationPath: validationPath)
        if let items = validation.items {
            errors += completeness(of: items, against: structural.items,
                structuralPath: structuralPath.child("items"), validationPath: validationPath.child("items"))
        }
        for (name, property) in validation.properties {
            let propertyValidationPath = validationPath.child("properties").key(name)
            guard let structuralProperty = structural.properties[name] else {
                errors.append(.required(structuralPath.child("properties").key(name).description,
                    detail: "because it is defined in \(propertyValidationPath)"))
                continue
            }
            errors += completeness(of: property, against: structuralProperty,
                structuralPath: structuralPath.child("properties").key(name), validationPath: propertyValidationPath)
        }
        return errors
    }
}
