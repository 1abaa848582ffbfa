/// Evaluates a checked expression by walking its tree. `&&`, `||` and the `all`/`exists` macros absorb errors the
/// way CEL specifies (`false && error` is `false`), so the order of operands never changes a result.
struct CELEvaluator {
    private var variables: [String: CELValue]

    static func evaluate(_ expression: CELExpression, variables: [String: CELValue]) throws(CELEvaluationError) -> CELValue {
        try CELEvaluator(variables: variables).evaluate(expression)
    }

    private init(variables: [String: CELValue]) {
        self.variables = variables
    }

    private func evaluate(_ expression: CELExpression) throws(CELEvaluationError) -> CELValue {
        switch expression.kind {
        case .literal(let value):
            return value
        case .identifier(let name):
            guard let value = variables[name] else { throw .message("no such attribute: \(name)") }
            return value
        case .select(let operand, let field):
            guard case .map(let map) = try evaluate(operand) else { throw .noSuchOverload }
            guard let value = map[.string(field)] else { throw .message("no such key: \(field)") }
            return value
        case .presenceTest(let operand, let field):
            guard case .map(let map) = try evaluate(operand) else { throw .noSuchOverload }
            return .bool(map[.string(field)] != nil)
        case .call(let function, let target, let arguments):
            let receiver = try target.map { (target) throws(CELEvaluationError) in try evaluate(target) }
            var values: [CELValue] = []
            for argument in arguments { values.append(try evaluate(argument)) }
            return try call(function, receiver: receiver, arguments: values)
        case .index(let operand, let index):
            return try element(of: try evaluate(operand), at: try evaluate(index))
        case .list(let elements):
            var values: [CELValue] = []
            for element in elements { values.append(try evaluate(element)) }
            return .list(values)
        case .map(let entries):
            var map: [CELMapKey: CELValue] = [:]
            for entry in entries {
                guard let key = CELMapKey(try evaluate(entry.key)) else { throw .noSuchOverload }
                guard map[key] == nil else { throw .message("Failed with repeated key") }
                map[key] = try evaluate(entry.value)
            }
            return .map(CELMap(map))
        case .and(let left, let right):
            return try logical(left, right, absorbing: false)
        case .or(let left, let right):
            return try logical(left, right, absorbing: true)
        case .conditional(let condition, let then, let otherwise):
            guard case .bool(let flag) = try evaluate(condition) else { throw .noSuchOverload }
            return try evaluate(flag ? then : otherwise)
        case .comprehension(let macro, let range, let variable, let arguments):
            return try comprehension(macro, over: try evaluate(range), variable: variable, arguments: arguments)
        }
    }

    /// `&&` (absorbing `false`) and `||` (absorbing `true`): the absorbing value wins over an error on either side.
    private func logical(_ left: CELExpression, _ right: CELExpression, absorbing: Bool) throws(CELEvaluationError) -> CELValue {
        var failure: CELEvaluationError?
        for operand in [left, right] {
            do throws(CELEvaluationError) {
                guard case .bool(let flag) = try evaluate(operand) else { throw CELEvaluationError.noSuchOverload }
                if flag == absorbing { return .bool(absorbing) }
            } catch {
                failure = failure ?? error
            }
        }
        if let failure { throw failure }
        return .bool(!absorbing)
    }

    private func comprehension(_ macro: CELMacro, over range: CELValue, variable: String, arguments: [CELExpression]) throws(CELEvaluationError) -> CELValue {
        let elements: [CELValue]
        switch range {
        case .list(let values): elements = values
        case .map(let map): elements = map.orderedKeys.map(\.value)
        default: throw .noSuchOverload
        }
        func body(_ element: CELValue, _ expression: CELExpression) throws(CELEvaluationError) -> CELValue {
            var scoped = self
            scoped.variables[variable] = element
            return try scoped.evaluate(expression)
        }
        func test(_ element: CELValue) throws(CELEvaluationError) -> Bool {
            guard case .bool(let flag) = try body(element, arguments[0]) else { throw .noSuchOverload }
            return flag
        }
        switch macro {
        case .all, .exists:
            let absorbing = macro == .exists
            var failure: CELEvaluationError?
            for element in elements {
                do throws(CELEvaluationError) {
                    if try test(element) == absorbing { return .bool(absorbing) }
                } catch {
                    failure = failure ?? error
                }
            }
            if let failure { throw failure }
            return .bool(!absorbing)
        case .existsOne:
            var matches = 0
            for element in elements where try test(element) { matches += 1 }
            return .bool(matches == 1)
        case .filter:
            var kept: [CELValue] = []
            for element in elements where try test(element) { kept.append(element) }
            return .list(kept)
        case .map:
            var mapped: [CELValue] = []
            for element in elements {
                if arguments.count == 2, try !test(element) { continue }
                mapped.append(try body(element, arguments[arguments.count - 1]))
            }
            return .list(mapped)
        }
    }

    private func element(of container: CELValue, at index: CELValue) throws(CELEvaluationError) -> CELValue {
        switch (container, index) {
        case (.list(let elements), _):
            let position: Int64
            switch index {
            case .int(let number): position = number
            case .uint(let number): position = Int64(clamping: number)
            case .double(let number) where number == number.rounded(): position = Int64(number)
            default: throw .noSuchOverload
            }
            guard position >= 0, position < Int64(elements.count) else { throw .message("index out of bounds: \(position)") }
            return elements[Int(position)]
        case (.map(let map), _):
            guard let value = map.lookup(index) else { throw .message("no such key: \(Self.keyText(index))") }
            return value
        default:
            throw .noSuchOverload
        }
    }

    private static func keyText(_ key: CELValue) -> String {
        switch key {
        case .string(let text): text
        case .int(let number): String(number)
        case .uint(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .double(let number): SchemaValueFormat.float(number)
        default: key.typeName
        }
    }

    private func call(_ function: String, receiver: CELValue?, arguments: [CELValue]) throws(CELEvaluationError) -> CELValue {
        switch function {
        case "_==_": return .bool(CELValue.equal(arguments[0], arguments[1]))
        case "_!=_": return .bool(!CELValue.equal(arguments[0], arguments[1]))
        case "_<_", "_<=_", "_>_", "_>=_":
            guard let order = CELValue.order(arguments[0], arguments[1]) else { throw .noSuchOverload }
            switch function {
            case "_<_": return .bool(order < 0)
            case "_<=_": return .bool(order <= 0)
            case "_>_": return .bool(order > 0)
            default: return .bool(order >= 0)
            }
        case "_+_": return try CELArithmetic.add(arguments[0], arguments[1])
        case "_-_": return try CELArithmetic.subtract(arguments[0], arguments[1])
        case "_*_": return try CELArithmetic.multiply(arguments[0], arguments[1])
        case "_/_": return try CELArithmetic.divide(arguments[0], arguments[1])
        case "_%_": return try CELArithmetic.remainder(arguments[0], arguments[1])
        case "-_": return try CELArithmetic.negate(arguments[0])
        case "!_":
            guard case .bool(let flag) = arguments[0] else { throw .noSuchOverload }
            return .bool(!flag)
        case "@in":
            switch arguments[1] {
            case .list(let elements): return .bool(elements.contains { CELValue.equal($0, arguments[0]) })
            case .map(let map): return .bool(map.lookup(arguments[0]) != nil)
            default: throw .noSuchOverload
            }
        default:
            guard let definition = CELFunctions.lookup(function) else { throw .message("no such function: \(function)") }
            return try definition.implementation(receiver, arguments)
        }
    }
}
