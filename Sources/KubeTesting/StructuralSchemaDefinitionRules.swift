import EnsembleSupport
import Foundation

/// apiextensions' checks of a CRD schema beyond structurality (`ValidateCustomResourceDefinitionOpenAPISchema`):
/// keywords CRDs do not support, `uniqueItems`, where defaults may appear, the list and map type extensions, and
/// the shape of `x-kubernetes-validations` entries.
enum StructuralSchemaDefinitionRules {
    static let supportedTypes = ["array", "boolean", "integer", "number", "object", "string"]
    static let supportedReasons = ["FieldValueDuplicate", "FieldValueForbidden", "FieldValueInvalid", "FieldValueRequired"]

    /// Where a node sits, as far as the rules care.
    private struct Context {
        var defaultsForbiddenReason: String?
        var insideResourceMeta = false
        /// The nearest ancestor below which old and new values cannot be correlated (atomic lists, sets, atomic maps).
        var uncorrelatablePath: SchemaPath?

        func forbiddingDefaults(_ reason: String) -> Context {
            var copy = self
            copy.defaultsForbiddenReason = reason
            return copy
        }

        func forbiddingOldSelf(below path: SchemaPath) -> Context {
            var copy = self
            if copy.uncorrelatablePath == nil { copy.uncorrelatablePath = path }
            return copy
        }
    }

    static func errors(of schema: StructuralSchema, at path: SchemaPath) -> [FieldError] {
        var errors: [FieldError] = []
        if schema.nullable {
            errors.append(.forbidden(path.child("nullable").description, detail: "nullable cannot be true at the root"))
        }
        return errors + check(schema, path: path, context: Context(), isRoot: true)
    }

    private static func check(_ schema: StructuralSchema, path: SchemaPath, context: Context, isRoot: Bool) -> [FieldError] {
        var errors = keywordErrors(schema, path: path, context: context)
        if schema.uniqueItems {
            errors.append(.forbidden(path.child("uniqueItems").description,
                detail: "uniqueItems cannot be set to true since the runtime complexity becomes quadratic"))
        }
        if let additional = schema.additionalProperties {
            if !schema.properties.isEmpty && additional != .allows(true) {
                errors.append(.forbidden(path.child("additionalProperties").description,
                    detail: "additionalProperties and properties are mutual exclusive"))
            }
            if let additionalSchema = additional.schema {
                let additionalContext = context.insideResourceMeta
                    ? context.forbiddingDefaults("inside additionalProperties applying to object metadata") : context
                errors += check(additionalSchema, path: path.child("additionalProperties"), context: additionalContext, isRoot: false)
            }
        }
        for name in schema.properties.keys.sorted() {
            var propertyContext = schema.mapType == "atomic" ? context.forbiddingOldSelf(below: path) : context
            if (isRoot || schema.embeddedResource) && SchemaObjectMeta.typeAndObjectMetaFields.contains(name) {
                propertyContext.insideResourceMeta = true
                if isRoot { propertyContext = propertyContext.forbiddingDefaults("in top-level \(name)") }
            }
            errors += check(schema.properties[name]!, path: path.child("properties").key(name), context: propertyContext, isRoot: false)
        }
        if let not = schema.not {
            errors += check(not, path: path.child("not"), context: context, isRoot: false)
        }
        for (keyword, nested) in [("allOf", schema.allOf), ("oneOf", schema.oneOf), ("anyOf", schema.anyOf)] {
            for (index, alternative) in nested.enumerated() {
                errors += check(alternative, path: path.child(keyword).index(index), context: context, isRoot: false)
            }
        }
        if let items = schema.items {
            let itemsContext = schema.listType == "map" ? context : context.forbiddingOldSelf(below: path)
            errors += check(items, path: path.child("items"), context: itemsContext, isRoot: false)
        }
        if schema.preserveUnknownFields == false {
            errors.append(.invalid(path.child("x-kubernetes-preserve-unknown-fields").description, value: false,
                detail: "must be true or undefined"))
        }
        errors += mapTypeErrors(schema, path: path)
        errors += listTypeErrors(schema, path: path)
        errors += validationRuleErrors(schema, path: path)
        return errors
    }

    private static func keywordErrors(_ schema: StructuralSchema, path: SchemaPath, context: Context) -> [FieldError] {
        var errors: [FieldError] = []
        if !schema.type.isEmpty && !supportedTypes.contains(schema.type) {
            errors.append(.notSupported(path.child("type").description, value: .string(schema.type), supported: supportedTypes))
        }
        if schema.defaultValue != nil, let reason = context.defaultsForbiddenReason {
            errors.append(.forbidden(path.child("default").description, detail: "must not be set " + reason))
        }
        let unsupported: [(keyword: String, field: String, detail: String)] = [
            ("id", "id", "id is not supported"),
            ("additionalItems", "additionalItems", "additionalItems is not supported"),
            ("patternProperties", "patternProperties", "patternProperties is not supported"),
            ("definitions", "definitions", "definitions is not supported"),
            ("dependencies", "dependencies", "dependencies is not supported"),
            ("$ref", "$ref", "$ref is not supported"),
        ]
        for entry in unsupported where schema.unsupportedKeywords.contains(entry.keyword) {
            errors.append(.forbidden(path.child(entry.field).description, detail: entry.detail))
        }
        if schema.type == "null" {
            errors.append(.forbidden(path.child("type").description, detail: "type cannot be set to null, use nullable as an alternative"))
        }
        if schema.unsupportedKeywords.contains("items") {
            errors.append(.forbidden(path.child("items").description, detail: "items must be a schema object and not an array"))
        }
        if context.insideResourceMeta && schema.embeddedResource {
            errors.append(.forbidden(path.child("x-kubernetes-embedded-resource").description, detail: "must not be used inside of resource meta"))
        }
        return errors
    }

    private static func mapTypeErrors(_ schema: StructuralSchema, path: SchemaPath) -> [FieldError] {
        guard let mapType = schema.mapType else { return [] }
        var errors: [FieldError] = []
        if schema.type != "object" {
            let detail = "must be object if x-kubernetes-map-type is specified"
            errors.append(schema.type.isEmpty
                ? .required(path.child("type").description, detail: detail)
                : .invalid(path.child("type").description, value: .string(schema.type), detail: detail))
        }
        if mapType != "atomic" && mapType != "granular" {
            errors.append(.notSupported(path.child("x-kubernetes-map-type").description, value: .string(mapType), supported: ["atomic", "granular"]))
        }
        return errors
    }

    private static func listTypeErrors(_ schema: StructuralSchema, path: SchemaPath) -> [FieldError] {
        var errors: [FieldError] = []
        let listTypePath = path.child("x-kubernetes-list-type").description
        let keysPath = path.child("x-kubernetes-list-map-keys").description
        if schema.listType != nil && schema.type != "array" {
            let detail = "must be array if x-kubernetes-list-type is specified"
            errors.append(schema.type.isEmpty
                ? .required(path.child("type").description, detail: detail)
                : .invalid(path.child("type").description, value: .string(schema.type), detail: detail))
        } else if schema.listType == "set", let items = schema.items {
            let detail = "must be atomic as item of a list with x-kubernetes-list-type=set"
            if items.type == "array", let itemListType = items.listType, itemListType != "atomic" {
                errors.append(.invalid(path.child("items").child("x-kubernetes-list-type").description, value: .string(itemListType), detail: detail))
            } else if items.type == "object", items.mapType != "atomic" {
                errors.append(.invalid(path.child("items").child("x-kubernetes-map-type").description,
                    value: items.listType.map(JSONValue.string) ?? .null, detail: detail))
            }
        }
        if let listType = schema.listType, !["atomic", "set", "map"].contains(listType) {
            errors.append(.notSupported(listTypePath, value: .string(listType), supported: ["atomic", "set", "map"]))
        }
        if !schema.listMapKeys.isEmpty {
            let detail = "must be map if x-kubernetes-list-map-keys is non-empty"
            if let listType = schema.listType {
                if listType != "map" { errors.append(.invalid(listTypePath, value: .string(listType), detail: detail)) }
            } else {
                errors.append(.required(listTypePath, detail: detail))
            }
        }
        if schema.listType == "map" {
            errors += mapListErrors(schema, path: path, keysPath: keysPath)
        }
        if let items = schema.items, let listType = schema.listType, listType == "set" || listType == "map" {
            if items.nullable {
                errors.append(.forbidden(path.child("items").child("nullable").description,
                    detail: "cannot be nullable when x-kubernetes-list-type is \(listType)"))
            }
            if listType == "map" {
                for key in schema.listMapKeys {
                    guard let keySchema = items.properties[key] else { continue }
                    let keyPath = path.child("items").child("properties").key(key)
                    if !items.required.contains(key) && keySchema.defaultValue == nil {
                        errors.append(.required(keyPath.child("default").description,
                            detail: "this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property"))
                    }
                    if keySchema.nullable {
                        errors.append(.forbidden(keyPath.child("nullable").description,
                            detail: "this property is in x-kubernetes-list-map-keys, so it cannot be nullable"))
                    }
                }
            }
        }
        return errors
    }

    private static func mapListErrors(_ schema: StructuralSchema, path: SchemaPath, keysPath: String) -> [FieldError] {
        var errors: [FieldError] = []
        if schema.listMapKeys.isEmpty {
            errors.append(.required(keysPath, detail: "must not be empty if x-kubernetes-list-type is map"))
        }
        guard let items = schema.items else {
            return errors + [.required(path.child("items").description, detail: "must have a schema if x-kubernetes-list-type is map")]
        }
        guard items.type == "object" else {
            return errors + [.invalid(path.child("items").child("type").description, value: .string(items.type),
                detail: "must be object if parent array's x-kubernetes-list-type is map")]
        }
        let keys = JSONValue.array(schema.listMapKeys.map(JSONValue.string))
        var seen: Set<String> = []
        for key in schema.listMapKeys {
            if let keySchema = items.properties[key] {
                if keySchema.type == "array" || keySchema.type == "object" {
                    errors.append(.invalid(path.child("items").child("properties").key(key).child("type").description,
                        value: .string(items.type), detail: "must be a scalar type if parent array's x-kubernetes-list-type is map"))
                }
            } else {
                errors.append(.invalid(keysPath, value: keys, detail: "entries must all be names of item properties"))
            }
            if !seen.insert(key).inserted {
                errors.append(.invalid(keysPath, value: keys, detail: "must not contain duplicate entries"))
            }
        }
        return errors
    }

    private static func validationRuleErrors(_ schema: StructuralSchema, path: SchemaPath) -> [FieldError] {
        var errors: [FieldError] = []
        for (index, rule) in schema.validationRules.enumerated() {
            let rulePath = path.child("x-kubernetes-validations").index(index)
            let trimmedRule = rule.rule.trimmingCharacters(in: .whitespacesAndNewlines)
            let trimmedMessage = rule.message.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmedRule.isEmpty {
                errors.append(.required(rulePath.child("rule").description, detail: "rule is not specified"))
            } else if !rule.message.isEmpty && trimmedMessage.isEmpty {
                errors.append(.invalid(rulePath.child("message").description, value: .string(rule.message), detail: "message must be non-empty if specified"))
            } else if trimmedMessage.containsLineBreak {
                errors.append(.invalid(rulePath.child("message").description, value: .string(rule.message), detail: "message must not contain line breaks"))
            } else if trimmedRule.containsLineBreak && trimmedMessage.isEmpty {
                errors.append(.required(rulePath.child("message").description, detail: "message must be specified if rule contains line breaks"))
            }
            if !rule.messageExpression.isEmpty && rule.messageExpression.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                errors.append(.required(rulePath.child("messageExpression").description, detail: "messageExpression must be non-empty if specified"))
            }
            if let reason = rule.reason, !supportedReasons.contains(reason) {
                errors.append(.notSupported(rulePath.child("reason").description, value: .string(reason), supported: supportedReasons))
            }
            if !rule.fieldPath.isEmpty {
                let fieldPathPath = rulePath.child("fieldPath").description
                if rule.fieldPath.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    errors.append(.invalid(fieldPathPath, value: .string(rule.fieldPath), detail: "fieldPath must be non-empty if specified"))
                }
                if rule.fieldPath.containsLineBreak {
                    errors.append(.invalid(fieldPathPath, value: .string(rule.fieldPath), detail: "fieldPath must not contain line breaks"))
                }
                if CELRuleFieldPath(rule.fieldPath, in: schema) == nil {
                    errors.append(.invalid(fieldPathPath, value: .string(rule.fieldPath), detail: "fieldPath must be a valid path"))
                }
            }
        }
        return errors
    }
}

extension String {
    fileprivate var containsLineBreak: Bool { contains("\n") || contains("\r") }
}
