/// A parsed CEL expression. Operators are calls named as in cel-go (`_+_`, `_==_`, `!_`, `@in`), so type errors
/// read like the apiserver's; `&&`, `||`, `?:` and the macros have their own cases because they do not evaluate
/// all their operands.
struct CELExpression: Sendable {
    indirect enum Kind: Sendable {
        case literal(CELValue)
        case identifier(String)
        case select(operand: CELExpression, field: String)
        /// `has(operand.field)`.
        case presenceTest(operand: CELExpression, field: String)
        case call(function: String, target: CELExpression?, arguments: [CELExpression])
        case index(operand: CELExpression, index: CELExpression)
        case list([CELExpression])
        case map([(key: CELExpression, value: CELExpression)])
        case and(CELExpression, CELExpression)
        case or(CELExpression, CELExpression)
        case conditional(condition: CELExpression, then: CELExpression, otherwise: CELExpression)
        /// `range.all(variable, arguments[0])` and the other macros; `map` with a filter has two arguments.
        case comprehension(macro: CELMacro, range: CELExpression, variable: String, arguments: [CELExpression])
    }

    let kind: Kind
    /// Where the expression starts in the source, in Unicode scalars, for error messages.
    let offset: Int

    init(_ kind: Kind, at offset: Int) {
        self.kind = kind
        self.offset = offset
    }

    /// Whether `name` is referenced as a variable anywhere (not shadowed by a macro variable of the same name).
    func references(_ name: String) -> Bool {
        switch kind {
        case .literal: return false
        case .identifier(let identifier): return identifier == name
        case .select(let operand, _), .presenceTest(let operand, _): return operand.references(name)
        case .call(_, let target, let arguments):
            return (target?.references(name) ?? false) || arguments.contains { $0.references(name) }
        case .index(let operand, let index): return operand.references(name) || index.references(name)
        case .list(let elements): return elements.contains { $0.references(name) }
        case .map(let entries): return entries.contains { $0.key.references(name) || $0.value.references(name) }
        case .and(let left, let right), .or(let left, let right): return left.references(name) || right.references(name)
        case .conditional(let condition, let then, let otherwise):
            return condition.references(name) || then.references(name) || otherwise.references(name)
        case .comprehension(_, let range, let variable, let arguments):
            return range.references(name) || (variable != name && arguments.contains { $0.references(name) })
        }
    }
}

/// The comprehension macros of CEL.
enum CELMacro: String, Sendable {
    case all
    case exists
    case existsOne = "exists_one"
    case map
    case filter
}
