/// A recursive-descent parser for CEL (github.com/google/cel-spec, "Syntax"), expanding the `has` macro and the
/// comprehension macros (`all`, `exists`, `exists_one`, `map`, `filter`) as it goes.
///
///     Expr           = ConditionalOr ["?" ConditionalOr ":" Expr]
///     ConditionalOr  = ConditionalAnd {"||" ConditionalAnd}
///     ConditionalAnd = Relation {"&&" Relation}
///     Relation       = Addition {("<" | "<=" | ">=" | ">" | "==" | "!=" | "in") Addition}
///     Addition       = Multiplication {("+" | "-") Multiplication}
///     Multiplication = Unary {("*" | "/" | "%") Unary}
///     Unary          = Member | "!" {"!"} Member | "-" {"-"} Member
///     Member         = Primary {"." IDENT ["(" [ExprList] ")"] | "[" Expr "]"}
///     Primary        = ["."] IDENT ["(" [ExprList] ")"] | "(" Expr ")" | "[" [ExprList] [","] "]"
///                    | "{" [MapInits] [","] "}" | Literal
struct CELParser {
    private let tokens: [CELToken]
    private var position = 0

    private static let reservedWords: Set<String> = [
        "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop", "package",
        "namespace", "return", "var", "void", "while",
    ]
    private static let relations: [String: String] = [
        "<": "_<_", "<=": "_<=_", ">=": "_>=_", ">": "_>_", "==": "_==_", "!=": "_!=_",
    ]

    static func parse(_ source: String) throws(CELIssue) -> CELExpression {
        do throws(CELIssue) {
            var parser = CELParser(tokens: try CELLexer.tokens(of: source))
            let expression = try parser.expression()
            guard case .end = parser.current.kind else {
                throw CELIssue(message: "mismatched input \(parser.current.quoted) expecting <EOF>", offset: parser.current.offset)
            }
            return expression
        } catch {
            throw CELIssue(message: "Syntax error: " + error.message, offset: error.offset)
        }
    }

    private init(tokens: [CELToken]) {
        self.tokens = tokens
    }

    private var current: CELToken { tokens[position] }

    private func isSymbol(_ symbol: String) -> Bool {
        current.kind == .symbol(symbol)
    }

    private mutating func consume(_ symbol: String) -> Bool {
        guard isSymbol(symbol) else { return false }
        position += 1
        return true
    }

    private mutating func expect(_ symbol: String) throws(CELIssue) {
        guard consume(symbol) else {
            throw CELIssue(message: "mismatched input \(current.quoted) expecting '\(symbol)'", offset: current.offset)
        }
    }

    private mutating func expression() throws(CELIssue) -> CELExpression {
        let condition = try conditionalOr()
        guard isSymbol("?") else { return condition }
        let offset = current.offset
        position += 1
        let then = try conditionalOr()
        try expect(":")
        let otherwise = try expression()
        return CELExpression(.conditional(condition: condition, then: then, otherwise: otherwise), at: offset)
    }

    private mutating func conditionalOr() throws(CELIssue) -> CELExpression {
        var left = try conditionalAnd()
        while isSymbol("||") {
            let offset = current.offset
            position += 1
            left = CELExpression(.or(left, try conditionalAnd()), at: offset)
        }
        return left
    }

    private mutating func conditionalAnd() throws(CELIssue) -> CELExpression {
        var left = try relation()
        while isSymbol("&&") {
            let offset = current.offset
            position += 1
            left = CELExpression(.and(left, try relation()), at: offset)
        }
        return left
    }

    private mutating func relation() throws(CELIssue) -> CELExpression {
        var left = try addition()
        while true {
            let offset = current.offset
            let function: String
            if case .symbol(let symbol) = current.kind, let name = Self.relations[symbol] {
                function = name
            } else if current.kind == .identifier("in") {
                function = "@in"
            } else {
                return left
            }
            position += 1
            left = CELExpression(.call(function: function, target: nil, arguments: [left, try addition()]), at: offset)
        }
    }

    private mutating func addition() throws(CELIssue) -> CELExpression {
        var left = try multiplication()
        while isSymbol("+") || isSymbol("-") {
            let function = isSymbol("+") ? "_+_" : "_-_"
            let offset = current.offset
            position += 1
            left = CELExpression(.call(function: function, target: nil, arguments: [left, try multiplication()]), at: offset)
        }
        return left
    }

    private mutating func multiplication() throws(CELIssue) -> CELExpression {
        var left = try unary()
        while isSymbol("*") || isSymbol("/") || isSymbol("%") {
            let function = isSymbol("*") ? "_*_" : (isSymbol("/") ? "_/_" : "_%_")
            let offset = current.offset
            position += 1
            left = CELExpression(.call(function: function, target: nil, arguments: [left, try unary()]), at: offset)
        }
        return left
    }

    private mutating func unary() throws(CELIssue) -> CELExpression {
        let offset = current.offset
        if consume("!") {
            return CELExpression(.call(function: "!_", target: nil, arguments: [try unary()]), at: offset)
        }
        if consume("-") {
            switch current.kind {
            case .int(let number) where tokens[position + 1].kind != .symbol(".") && tokens[position + 1].kind != .symbol("["):
                position += 1
                return CELExpression(.literal(.int(-number)), at: offset)
            case .double(let number) where tokens[position + 1].kind != .symbol(".") && tokens[position + 1].kind != .symbol("["):
                position += 1
                return CELExpression(.literal(.double(-number)), at: offset)
            default:
                return CELExpression(.call(function: "-_", target: nil, arguments: [try unary()]), at: offset)
            }
        }
        return try member()
    }

    private mutating func member() throws(CELIssue) -> CELExpression {
        var expression = try primary()
        while true {
            let offset = current.offset
            if consume(".") {
                guard case .identifier(let name) = current.kind else {
                    throw CELIssue(message: "mismatched input \(current.quoted) expecting IDENTIFIER", offset: current.offset)
                }
                position += 1
                if isSymbol("(") {
                    let callOffset = current.offset
                    position += 1
                    let arguments = try expressionList(closing: ")")
                    expression = try memberCall(name, target: expression, arguments: arguments, offset: callOffset)
                } else {
                    expression = CELExpression(.select(operand: expression, field: name), at: offset)
                }
            } else if consume("[") {
                let index = try self.expression()
                try expect("]")
                expression = CELExpression(.index(operand: expression, index: index), at: offset)
            } else {
                return expression
            }
        }
    }

    private func memberCall(_ name: String, target: CELExpression, arguments: [CELExpression], offset: Int) throws(CELIssue) -> CELExpression {
        let macro = CELMacro(rawValue: name)
        let arity = arguments.count
        guard let macro, arity == 2 || (macro == .map && arity == 3) else {
            return CELExpression(.call(function: name, target: target, arguments: arguments), at: offset)
        }
        guard case .identifier(let variable) = arguments[0].kind else {
            throw CELIssue(message: "argument must be a simple name", offset: arguments[0].offset)
        }
        return CELExpression(.comprehension(macro: macro, range: target, variable: variable, arguments: Array(arguments.dropFirst())), at: offset)
    }

    private mutating func primary() throws(CELIssue) -> CELExpression {
        let token = current
        switch token.kind {
        case .int(let number): position += 1; return CELExpression(.literal(.int(number)), at: token.offset)
        case .uint(let number): position += 1; return CELExpression(.literal(.uint(number)), at: token.offset)
        case .double(let number): position += 1; return CELExpression(.literal(.double(number)), at: token.offset)
        case .string(let text): position += 1; return CELExpression(.literal(.string(text)), at: token.offset)
        case .bytes(let bytes): position += 1; return CELExpression(.literal(.bytes(bytes)), at: token.offset)
        case .identifier(let name):
            position += 1
            return try identifierOrCall(name, offset: token.offset)
        case .symbol("."):
            position += 1
            guard case .identifier(let name) = current.kind else {
                throw CELIssue(message: "mismatched input \(current.quoted) expecting IDENTIFIER", offset: current.offset)
            }
            position += 1
            return try identifierOrCall(name, offset: token.offset)
        case .symbol("("):
            position += 1
            let inner = try expression()
            try expect(")")
            return inner
        case .symbol("["):
            position += 1
            return CELExpression(.list(try expressionList(closing: "]")), at: token.offset)
        case .symbol("{"):
            position += 1
            return CELExpression(.map(try mapEntries()), at: token.offset)
        default:
            throw CELIssue(message: "mismatched input \(token.quoted) expecting {'[', '{', '(', '.', '-', '!', 'true', 'false', 'null', NUM_FLOAT, NUM_INT, NUM_UINT, STRING, BYTES, IDENTIFIER}", offset: token.offset)
        }
    }

    private mutating func identifierOrCall(_ name: String, offset: Int) throws(CELIssue) -> CELExpression {
        switch name {
        case "true": return CELExpression(.literal(.bool(true)), at: offset)
        case "false": return CELExpression(.literal(.bool(false)), at: offset)
        case "null": return CELExpression(.literal(.null), at: offset)
        default: break
        }
        if Self.reservedWords.contains(name) || name == "in" {
            throw CELIssue(message: "reserved identifier: \(name)", offset: offset)
        }
        guard consume("(") else { return CELExpression(.identifier(name), at: offset) }
        let arguments = try expressionList(closing: ")")
        if name == "has" {
            guard arguments.count == 1, case .select(let operand, let field) = arguments[0].kind else {
                throw CELIssue(message: "invalid argument to has() macro", offset: offset)
            }
            return CELExpression(.presenceTest(operand: operand, field: field), at: offset)
        }
        return CELExpression(.call(function: name, target: nil, arguments: arguments), at: offset)
    }

    private mutating func expressionList(closing: String) throws(CELIssue) -> [CELExpression] {
        var elements: [CELExpression] = []
        while !consume(closing) {
            elements.append(try expression())
            if !consume(",") {
                try expect(closing)
                break
            }
        }
        return elements
    }

    private mutating func mapEntries() throws(CELIssue) -> [(key: CELExpression, value: CELExpression)] {
        var entries: [(key: CELExpression, value: CELExpression)] = []
        while !consume("}") {
            let key = try expression()
            try expect(":")
            entries.append((key, try expression()))
            if !consume(",") {
                try expect("}")
                break
            }
        }
        return entries
    }
}

extension CELToken {
    /// The token as cel-go quotes it in syntax errors.
    fileprivate var quoted: String {
        switch kind {
        case .end: "'<EOF>'"
        case .identifier(let name): "'\(name)'"
        case .symbol(let symbol): "'\(symbol)'"
        case .int(let number): "'\(number)'"
        case .uint(let number): "'\(number)u'"
        case .double(let number): "'\(number)'"
        case .string(let text): "'\"\(text)\"'"
        case .bytes: "'b\"...\"'"
        }
    }
}
