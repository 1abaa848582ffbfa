/// A validation rule (or message expression) compiled for one schema node: parsed, type-checked against the
/// node's type bound to `self` and `oldSelf`, ready to evaluate.
struct CELProgram: Sendable {
    enum ResultType: Sendable {
        case bool
        case string
    }

    let source: String
    let usesOldSelf: Bool
    private let expression: CELExpression

    init(compiling source: String, selfType: CELType, resultType: ResultType) throws(CELCompileError) {
        let expression: CELExpression
        let type: CELType
        do {
            expression = try CELParser.parse(source)
            type = try CELChecker.type(of: expression, variables: ["self": selfType, "oldSelf": selfType])
        } catch {
            throw CELCompileError(source: source, problem: .issue(error))
        }
        let expected: CELType = resultType == .bool ? .bool : .string
        guard type == expected || type.isDyn else { throw CELCompileError(source: source, problem: .wrongResultType(resultType)) }
        self.source = source
        self.expression = expression
        usesOldSelf = expression.references("oldSelf")
    }

    func evaluate(self value: CELValue, oldSelf: CELValue?) throws(CELEvaluationError) -> CELValue {
        var variables = ["self": value]
        if let oldSelf { variables["oldSelf"] = oldSelf }
        return try CELEvaluator.evaluate(expression, variables: variables)
    }
}

/// A rule the apiserver refuses to compile.
struct CELCompileError: Error, Sendable {
    enum Problem: Sendable {
        case issue(CELIssue)
        case wrongResultType(CELProgram.ResultType)
    }

    let source: String
    let problem: Problem

    /// cel-go's report of the issue: `ERROR: <input>:1:6: undeclared reference to 'foo' (in container '')`, then
    /// the source line and a caret under the column.
    var issues: String {
        guard case .issue(let issue) = problem else { return "" }
        let scalars = Array(source.unicodeScalars)
        var line = 1
        var lineStart = 0
        for index in 0..<min(issue.offset, scalars.count) where scalars[index] == "\n" {
            line += 1
            lineStart = index + 1
        }
        let lineEnd = scalars[lineStart...].firstIndex(of: "\n") ?? scalars.count
        let column = issue.offset - lineStart
        let snippet = String(String.UnicodeScalarView(scalars[lineStart..<lineEnd]))
        return "ERROR: <input>:\(line):\(column + 1): \(issue.message)\n | \(snippet)\n | "
            + String(repeating: ".", count: column) + "^"
    }
}
