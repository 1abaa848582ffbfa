import EnsembleSupport
import Foundation

/// Evaluates the compiled `x-kubernetes-validations` rules against a custom object, node by node, as
/// kube-apiserver does after the OpenAPI validation succeeded.
///
/// Rules see the node's value as `self`; transition rules (those using `oldSelf`) run only on update, where an
/// old value at the same place exists: through object properties, map keys and the keys of
/// `x-kubernetes-list-type: map` lists. A failing rule that does not use `oldSelf`, on a value left unchanged by
/// the update, is ratcheted (reported apart) as in Kubernetes 1.30+.
enum CELSchemaValidator {
    static func validate(_ object: JSONValue, old: JSONValue?, schema: StructuralSchema, rules: CELRuleTree) -> SchemaValidationOutcome {
        var outcome = SchemaValidationOutcome()
        walk(object, old: old, schema: schema, rules: rules, path: .root, unchanged: old == object, outcome: &outcome)
        return outcome
    }

    private static func walk(_ value: JSONValue, old: JSONValue?, schema: StructuralSchema, rules: CELRuleTree, path: SchemaPath,
                             unchanged: Bool, outcome: inout SchemaValidationOutcome) {
        guard value != .null else { return }
        if !rules.rules.isEmpty {
            evaluate(rules.rules, value: value, old: old, schema: schema, path: path, unchanged: unchanged, outcome: &outcome)
        }
        switch value {
        case .object(let members):
            let oldMembers = old?.objectValue
            for key in members.keys.sorted() {
                let member = members[key]!
                if let propertyRules = rules.properties[key], let property = schema.properties[key] {
                    let oldMember = oldMembers?[key]
                    walk(member, old: oldMember, schema: property, rules: propertyRules, path: path.child(key),
                        unchanged: oldMember.map { $0 == member } ?? unchanged, outcome: &outcome)
                } else if schema.properties[key] == nil, let valueRules = rules.additionalProperties,
                    let additional = schema.additionalProperties?.schema
                {
                    let oldMember = schema.mapType == "atomic" ? nil : oldMembers?[key]
                    walk(member, old: oldMember, schema: additional, rules: valueRules, path: path.key(key),
                        unchanged: oldMember.map { $0 == member } ?? unchanged, outcome: &outcome)
                }
            }
        case .array(let elements):
            guard let itemRules = rules.items, let items = schema.items else { return }
            let oldElements = old?.arrayValue ?? []
            for (index, element) in elements.enumerated() {
                let oldElement = schema.listType == "map" ? matchingElement(element, in: oldElements, keys: schema.listMapKeys) : nil
                walk(element, old: oldElement, schema: items, rules: itemRules, path: path.index(index),
                    unchanged: oldElement.map { $0 == element } ?? unchanged, outcome: &outcome)
            }
        default:
            break
        }
    }

    /// The element of an old `map` list with the same key values.
    private static func matchingElement(_ element: JSONValue, in oldElements: [JSONValue], keys: [String]) -> JSONValue? {
        oldElements.first { candidate in keys.allSatisfy { candidate[$0] == element[$0] } }
    }

    private static func evaluate(_ rules: [CELRuleTree.Rule], value: JSONValue, old: JSONValue?, schema: StructuralSchema,
                                 path: SchemaPath, unchanged: Bool, outcome: inout SchemaValidationOutcome) {
        let typeName = JSONValue.string(schema.type)
        let selfValue = CELValue(json: value, schema: schema)
        let oldValue = old.map { CELValue(json: $0, schema: schema) }
        for rule in rules {
            if rule.program.usesOldSelf && oldValue == nil { continue }
            let result: CELValue
            do {
                result = try rule.program.evaluate(self: selfValue, oldSelf: oldValue)
            } catch {
                outcome.errors.append(.invalid(path.description, value: typeName, detail: evaluationFailure(error, rule: rule.definition)))
                continue
            }
            guard case .bool(let passed) = result else {
                outcome.errors.append(.invalid(path.description, value: typeName,
                    detail: "'no such overload': call arguments did not match a supported operator, function or macro signature for rule: \(errorText(rule.definition))"))
                continue
            }
            if passed { continue }
            let detail = message(of: rule, selfValue: selfValue, oldValue: oldValue)
            let errorPath = rule.fieldPath?.appended(to: path) ?? path
            let shownValue: JSONValue? = schema.type == "object" || schema.type == "array" ? .none : .some(value)
            let error = fieldError(errorPath.description, value: shownValue, detail: detail, reason: rule.definition.reason)
            if !rule.program.usesOldSelf && unchanged {
                outcome.ratcheted.append(error)
            } else {
                outcome.errors.append(error)
            }
        }
    }

    private static func evaluationFailure(_ error: CELEvaluationError, rule: StructuralSchema.ValidationRule) -> String {
        if error == .noSuchOverload {
            return "'no such overload': call arguments did not match a supported operator, function or macro signature for rule: \(errorText(rule))"
        }
        return "\(error) evaluating rule: \(errorText(rule))"
    }

    /// The rule's `messageExpression` when it yields a usable string, else its `message`, else `failed rule: <rule>`.
    private static func message(of rule: CELRuleTree.Rule, selfValue: CELValue, oldValue: CELValue?) -> String {
        if let messageProgram = rule.messageProgram,
            case .string(let text)? = try? messageProgram.evaluate(self: selfValue, oldSelf: oldValue)
        {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty && !trimmed.contains("\n") && trimmed.utf8.count <= 5 * 1024 { return trimmed }
        }
        let message = rule.definition.message.trimmingCharacters(in: .whitespaces)
        return message.isEmpty ? "failed rule: \(errorText(rule.definition))" : message
    }

    private static func errorText(_ rule: StructuralSchema.ValidationRule) -> String {
        let message = rule.message.trimmingCharacters(in: .whitespaces)
        return message.isEmpty ? rule.rule.trimmingCharacters(in: .whitespaces) : message
    }

    /// The error a failed rule produces for its `reason`.
    private static func fieldError(_ field: String, value: JSONValue?, detail: String, reason: String?) -> FieldError {
        switch reason {
        case "FieldValueForbidden": .forbidden(field, detail: detail)
        case "FieldValueRequired": .required(field, detail: detail)
        case "FieldValueDuplicate": FieldError(type: .duplicate, field: field, badValue: value, detail: "")
        default: FieldError(type: .invalid, field: field, badValue: value, detail: detail)
        }
    }
}
