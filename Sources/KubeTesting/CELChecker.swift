/// Type-checks a parsed expression against the declared variables (`self`, `oldSelf`), as the apiserver compiles
/// rules when a CRD is written: undeclared names and functions, fields the schema does not declare, and operand
/// types no overload accepts are compile errors.
struct CELChecker {
    private var scopes: [[String: CELType]]

    private init(variables: [String: CELType]) {
        scopes = [variables]
    }

    static func type(of expression: CELExpression, variables: [String: CELType]) throws(CELIssue) -> CELType {
        var checker = CELChecker(variables: variables)
        return try checker.check(expression)
    }

    private func variable(_ name: String) -> CELType? {
        for scope in scopes.reversed() {
            if let type = scope[name] { return type }
        }
        return nil
    }

    private mutating func check(_ expression: CELExpression) throws(CELIssue) -> CELType {
        let offset = expression.offset
        switch expression.kind {
        case .literal(let value):
            return Self.literalType(value)
        case .identifier(let name):
            guard let type = variable(name) else {
                throw CELFunctions.unsupported.contains(name) ? unsupported(name, at: offset) : undeclared(name, at: offset)
            }
            return type
        case .select(let operand, let field):
            return try fieldType(of: try check(operand), field: field, at: offset)
        case .presenceTest(let operand, let field):
            _ = try fieldType(of: try check(operand), field: field, at: offset)
            return .bool
        case .call(let function, let target, let arguments):
            let targetType = try target.map { (target) throws(CELIssue) in try check(target) }
            var argumentTypes: [CELType] = []
            for argument in arguments { argumentTypes.append(try check(argument)) }
            return try callType(function, target: targetType, arguments: argumentTypes, at: offset)
        case .index(let operand, let index):
            let operandType = try check(operand)
            let indexType = try check(index)
            switch operandType {
            case .dyn: return .dyn
            case .list(let element) where CELFunctions.fits(indexType, .int) || CELFunctions.fits(indexType, .uint): return element
            case .map(let key, let value) where CELFunctions.fits(indexType, key): return value
            default: throw noOverload("_[_]", [operandType, indexType], at: offset)
            }
        case .list(let elements):
            var elementType: CELType?
            for element in elements {
                let type = try check(element)
                elementType = try Self.joined(elementType, type, at: element.offset)
            }
            return .list(elementType ?? .dyn)
        case .map(let entries):
            var keyType: CELType?
            var valueType: CELType?
            for entry in entries {
                let key = try check(entry.key)
                guard [.string, .int, .uint, .bool, .dyn].contains(key) else {
                    throw CELIssue(message: "unsupported map key type: \(key)", offset: entry.key.offset)
                }
                keyType = try Self.joined(keyType, key, at: entry.key.offset)
                valueType = try Self.joined(valueType, try check(entry.value), at: entry.value.offset)
            }
            return .map(key: keyType ?? .dyn, value: valueType ?? .dyn)
        case .and(let left, let right), .or(let left, let right):
            let types = [try check(left), try check(right)]
            guard types.allSatisfy({ CELFunctions.fits($0, .bool) }) else {
                let function = if case .and = expression.kind { "_&&_" } else { "_||_" }
                throw noOverload(function, types, at: offset)
            }
            return .bool
        case .conditional(let condition, let then, let otherwise):
            let types = [try check(condition), try check(then), try check(otherwise)]
            guard CELFunctions.fits(types[0], .bool), let result = try? Self.joined(types[1], types[2], at: offset) else {
                throw noOverload("_?_:_", types, at: offset)
            }
            return result
        case .comprehension(let macro, let range, let variable, let arguments):
            return try comprehensionType(macro, range: range, variable: variable, arguments: arguments, at: offset)
        }
    }

    private mutating func comprehensionType(_ macro: CELMacro, range: CELExpression, variable: String, arguments: [CELExpression], at offset: Int) throws(CELIssue) -> CELType {
        let rangeType = try check(range)
        let variableType: CELType
        switch rangeType {
        case .list(let element): variableType = element
        case .map(let key, _): variableType = key
        case .dyn: variableType = .dyn
        default:
            throw CELIssue(message: "expression of type '\(rangeType)' cannot be range of a comprehension (must be list, map, or dynamic)", offset: range.offset)
        }
        scopes.append([variable: variableType])
        defer { scopes.removeLast() }
        var types: [CELType] = []
        for argument in arguments { types.append(try check(argument)) }
        switch macro {
        case .all, .exists, .existsOne, .filter:
            guard CELFunctions.fits(types[0], .bool) else {
                let function = macro == .all ? "_&&_" : (macro == .exists ? "_||_" : "_?_:_")
                throw noOverload(function, [.bool, types[0]], at: arguments[0].offset)
            }
            return macro == .filter ? .list(variableType) : .bool
        case .map:
            if types.count == 2, !CELFunctions.fits(types[0], .bool) {
                throw noOverload("_?_:_", [types[0], .list(types[1]), .list(types[1])], at: arguments[0].offset)
            }
            return .list(types.last ?? .dyn)
        }
    }

    private func fieldType(of operand: CELType, field: String, at offset: Int) throws(CELIssue) -> CELType {
        switch operand {
        case .dyn: return .dyn
        case .map(let key, let value) where CELFunctions.fits(.string, key): return value
        case .object(_, let fields):
            guard let type = fields[field] else { throw CELIssue(message: "undefined field '\(field)'", offset: offset) }
            return type
        default:
            throw CELIssue(message: "type '\(operand)' does not support field selection", offset: offset)
        }
    }

    private func callType(_ function: String, target: CELType?, arguments: [CELType], at offset: Int) throws(CELIssue) -> CELType {
        switch Self.operatorType(function, arguments) {
        case .result(let type): return type
        case .noOverload: throw noOverload(function, arguments, target: target, at: offset)
        case .notAnOperator: break
        }
        guard let definition = CELFunctions.lookup(function) else {
            throw CELFunctions.unsupported.contains(function) ? unsupported(function, at: offset) : undeclared(function, at: offset)
        }
        guard let result = definition.signature(target, arguments) else {
            throw noOverload(function, arguments, target: target, at: offset)
        }
        return result
    }

    private enum OperatorCheck {
        case notAnOperator
        case result(CELType)
        case noOverload
    }

    private static func operatorType(_ function: String, _ operands: [CELType]) -> OperatorCheck {
        let comparable: [CELType] = [.int, .uint, .double, .string, .bytes, .bool]
        func either(_ accepted: Bool, _ type: CELType) -> OperatorCheck { accepted ? .result(type) : .noOverload }
        switch function {
        case "_==_", "_!=_":
            let (a, b) = (operands[0], operands[1])
            return either(CELFunctions.fits(a, b) || a == .null || b == .null, .bool)
        case "_<_", "_<=_", "_>_", "_>=_":
            let (a, b) = (operands[0], operands[1])
            return either(a.isDyn || b.isDyn || (a.isNumeric && b.isNumeric) || (a == b && comparable.contains(a)), .bool)
        case "_+_":
            let (a, b) = (operands[0], operands[1])
            let addable = { (type: CELType) in type.isNumeric || type == .string || type == .bytes }
            if a.isDyn { return .result(addable(b) ? b : .dyn) }
            if b.isDyn { return .result(addable(a) ? a : .dyn) }
            if case .list(let x) = a, case .list(let y) = b { return .result(.list(x == y ? x : .dyn)) }
            return either(a == b && addable(a), a)
        case "_-_", "_*_", "_/_":
            let (a, b) = (operands[0], operands[1])
            if a.isDyn || b.isDyn { return .result(a.isDyn ? b : a) }
            return either(a == b && a.isNumeric, a)
        case "_%_":
            let (a, b) = (operands[0], operands[1])
            if a.isDyn || b.isDyn { return .result(a.isDyn ? b : a) }
            return either(a == b && (a == .int || a == .uint), a)
        case "!_":
            return either(CELFunctions.fits(operands[0], .bool), .bool)
        case "-_":
            let a = operands[0]
            return either(a.isDyn || a == .int || a == .double, a)
        case "@in":
            switch operands[1] {
            case .dyn: return .result(.bool)
            case .list(let element): return either(CELFunctions.fits(operands[0], element), .bool)
            case .map(let key, _): return either(CELFunctions.fits(operands[0], key), .bool)
            default: return .noOverload
            }
        default:
            return .notAnOperator
        }
    }

    private static func literalType(_ value: CELValue) -> CELType {
        switch value {
        case .null: .null
        case .bool: .bool
        case .int: .int
        case .uint: .uint
        case .double: .double
        case .string: .string
        case .bytes: .bytes
        case .list: .list(.dyn)
        case .map: .map(key: .dyn, value: .dyn)
        }
    }

    /// The common type of two elements of a list or map literal (Kubernetes requires them to agree).
    private static func joined(_ existing: CELType?, _ next: CELType, at offset: Int) throws(CELIssue) -> CELType {
        guard let existing else { return next }
        if existing == next || next.isDyn || next == .null { return existing }
        if existing.isDyn || existing == .null { return next }
        if case .list = existing, case .list = next { return .list(.dyn) }
        if case .map = existing, case .map = next { return .map(key: .dyn, value: .dyn) }
        throw CELIssue(message: "expected type '\(existing)' but found '\(next)'", offset: offset)
    }

    private func undeclared(_ name: String, at offset: Int) -> CELIssue {
        CELIssue(message: "undeclared reference to '\(name)' (in container '')", offset: offset)
    }

    private func unsupported(_ name: String, at offset: Int) -> CELIssue {
        CELIssue(message: "'\(name)' is part of Kubernetes CEL but not supported by this evaluator", offset: offset)
    }

    private func noOverload(_ function: String, _ arguments: [CELType], target: CELType? = nil, at offset: Int) -> CELIssue {
        let argumentList = "(" + arguments.map(\.description).joined(separator: ", ") + ")"
        let applied = target.map { "\($0)." + argumentList } ?? argumentList
        return CELIssue(message: "found no matching overload for '\(function)' applied to '\(applied)'", offset: offset)
    }
}
