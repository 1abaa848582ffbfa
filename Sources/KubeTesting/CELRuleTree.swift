import EnsembleSupport
import Foundation

/// The `x-kubernetes-validations` rules of a schema, compiled, in a tree that mirrors the schema down to every
/// node holding rules.
struct CELRuleTree: Sendable {
    struct Rule: Sendable {
        let definition: StructuralSchema.ValidationRule
        let program: CELProgram
        let messageProgram: CELProgram?
        let fieldPath: CELRuleFieldPath?
    }

    var rules: [Rule] = []
    var properties: [String: CELRuleTree] = [:]
    var additionalProperties: CELRuleTree? {
        get { additionalPropertiesStorage.first }
        set { additionalPropertiesStorage = newValue.map { [$0] } ?? [] }
    }
    var items: CELRuleTree? {
        get { itemsStorage.first }
        set { itemsStorage = newValue.map { [$0] } ?? [] }
    }
    private var additionalPropertiesStorage: [CELRuleTree] = []
    private var itemsStorage: [CELRuleTree] = []

    var isEmpty: Bool {
        rules.isEmpty && properties.isEmpty && additionalPropertiesStorage.isEmpty && itemsStorage.isEmpty
    }

    /// Compiles every rule of `schema`; the errors are the apiserver's, at paths below `path` (the schema's
    /// location in the CRD, such as `spec.versions[0].schema.openAPIV3Schema`).
    static func compile(_ schema: StructuralSchema, at path: SchemaPath) -> (tree: CELRuleTree, errors: [FieldError]) {
        var errors: [FieldError] = []
        let tree = compile(schema, path: path, isResourceRoot: true, uncorrelatablePath: nil, errors: &errors)
        return (tree, errors)
    }

    private static func compile(_ schema: StructuralSchema, path: SchemaPath, isResourceRoot: Bool,
                                uncorrelatablePath: SchemaPath?, errors: inout [FieldError]) -> CELRuleTree {
        var tree = CELRuleTree()
        let selfType = CELType(schema: schema, isResourceRoot: isResourceRoot)
        for (index, definition) in schema.validationRules.enumerated() {
            let rulePath = path.child("x-kubernetes-validations").index(index)
            if let rule = compileRule(definition, in: schema, selfType: selfType, path: rulePath, uncorrelatablePath: uncorrelatablePath, errors: &errors) {
                tree.rules.append(rule)
            }
        }
        for (name, property) in schema.properties {
            let below = uncorrelatablePath ?? (schema.mapType == "atomic" ? path : nil)
            let child = compile(property, path: path.child("properties").key(name), isResourceRoot: false, uncorrelatablePath: below, errors: &errors)
            if !child.isEmpty { tree.properties[name] = child }
        }
        if let additional = schema.additionalProperties?.schema {
            let child = compile(additional, path: path.child("additionalProperties"), isResourceRoot: false, uncorrelatablePath: uncorrelatablePath, errors: &errors)
            if !child.isEmpty { tree.additionalProperties = child }
        }
        if let items = schema.items {
            let below = uncorrelatablePath ?? (schema.listType == "map" ? nil : path)
            let child = compile(items, path: path.child("items"), isResourceRoot: false, uncorrelatablePath: below, errors: &errors)
            if !child.isEmpty { tree.items = child }
        }
        return tree
    }

    private static func compileRule(_ definition: StructuralSchema.ValidationRule, in schema: StructuralSchema, selfType: CELType,
                                    path: SchemaPath, uncorrelatablePath: SchemaPath?, errors: inout [FieldError]) -> Rule? {
        guard !definition.rule.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        let program: CELProgram
        do {
            program = try CELProgram(compiling: definition.rule, selfType: selfType, resultType: .bool)
        } catch {
            let detail = switch error.problem {
            case .issue: "compilation failed: " + error.issues
            case .wrongResultType: "cel expression must evaluate to a bool"
            }
            errors.append(ruleError(path.child("rule"), definition, detail: detail))
            return nil
        }
        var messageProgram: CELProgram?
        if !definition.messageExpression.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            do {
                messageProgram = try CELProgram(compiling: definition.messageExpression, selfType: selfType, resultType: .string)
            } catch {
                let detail = switch error.problem {
                case .issue: "messageExpression compilation failed: " + error.issues
                case .wrongResultType: "must evaluate to a string"
                }
                errors.append(ruleError(path.child("messageExpression"), definition, detail: detail))
            }
        }
        if program.usesOldSelf, let uncorrelatablePath {
            errors.append(.invalid(path.child("rule").description, value: .string(definition.rule),
                detail: "oldSelf cannot be used on the uncorrelatable portion of the schema within \(uncorrelatablePath)"))
        } else if !program.usesOldSelf, let optionalOldSelf = definition.optionalOldSelf {
            errors.append(.invalid(path.child("optionalOldSelf").description, value: .bool(optionalOldSelf),
                detail: "may not be set if oldSelf is not used in rule"))
        }
        let fieldPath = definition.fieldPath.isEmpty ? nil : CELRuleFieldPath(definition.fieldPath, in: schema)
        return Rule(definition: definition, program: program, messageProgram: messageProgram, fieldPath: fieldPath)
    }

    /// An error whose bad value is the rule itself, printed as the apiserver prints its Go struct.
    private static func ruleError(_ path: SchemaPath, _ rule: StructuralSchema.ValidationRule, detail: String) -> FieldError {
        func pointer<T>(_ value: T?, type: String, render: (T) -> String) -> String {
            value.map { "&\(type)(\(render($0)))" } ?? "(*\(type))(nil)"
        }
        let quoted = SchemaValueFormat.quoted
        let text = "apiextensions.ValidationRule{Rule:\(quoted(rule.rule)), Message:\(quoted(rule.message)), "
            + "MessageExpression:\(quoted(rule.messageExpression)), "
            + "Reason:\(pointer(rule.reason, type: "apiextensions.FieldValueErrorReason", render: quoted)), "
            + "FieldPath:\(quoted(rule.fieldPath)), "
            + "OptionalOldSelf:\(pointer(rule.optionalOldSelf, type: "bool") { $0 ? "true" : "false" })}"
        var error = FieldError.invalid(path.description, value: .string(rule.rule), detail: detail)
        error.badValueText = text
        return error
    }
}
