/// CEL's arithmetic: no implicit conversions between `int`, `uint` and `double`, errors on integer overflow and
/// on integer division by zero.
enum CELArithmetic {
    static func add(_ left: CELValue, _ right: CELValue) throws(CELEvaluationError) -> CELValue {
        switch (left, right) {
        case (.int(let a), .int(let b)): return .int(try checked(a.addingReportingOverflow(b)))
        case (.uint(let a), .uint(let b)): return .uint(try checked(a.addingReportingOverflow(b)))
        case (.double(let a), .double(let b)): return .double(a + b)
        case (.string(let a), .string(let b)): return .string(a + b)
        case (.bytes(let a), .bytes(let b)): return .bytes(a + b)
        case (.list(let a), .list(let b)): return .list(a + b)
        default: throw .noSuchOverload
        }
    }

    static func subtract(_ left: CELValue, _ right: CELValue) throws(CELEvaluationError) -> CELValue {
        switch (left, right) {
        case (.int(let a), .int(let b)): return .int(try checked(a.subtractingReportingOverflow(b)))
        case (.uint(let a), .uint(let b)): return .uint(try checked(a.subtractingReportingOverflow(b)))
        case (.double(let a), .double(let b)): return .double(a - b)
        default: throw .noSuchOverload
        }
    }

    static func multiply(_ left: CELValue, _ right: CELValue) throws(CELEvaluationError) -> CELValue {
        switch (left, right) {
        case (.int(let a), .int(let b)): return .int(try checked(a.multipliedReportingOverflow(by: b)))
        case (.uint(let a), .uint(let b)): return .uint(try checked(a.multipliedReportingOverflow(by: b)))
        case (.double(let a), .double(let b)): return .double(a * b)
        default: throw .noSuchOverload
        }
    }

    static func divide(_ left: CELValue, _ right: CELValue) throws(CELEvaluationError) -> CELValue {
        switch (left, right) {
        case (.int(let a), .int(let b)):
            guard b != 0 else { throw .message("division by zero") }
            return .int(try checked(a.dividedReportingOverflow(by: b)))
        case (.uint(let a), .uint(let b)):
            guard b != 0 else { throw .message("division by zero") }
            return .uint(a / b)
        case (.double(let a), .double(let b)): return .double(a / b)
        default: throw .noSuchOverload
        }
    }

    static func remainder(_ left: CELValue, _ right: CELValue) throws(CELEvaluationError) -> CELValue {
        switch (left, right) {
        case (.int(let a), .int(let b)):
            guard b != 0 else { throw .message("modulus by zero") }
            return .int(try checked(a.remainderReportingOverflow(dividingBy: b)))
        case (.uint(let a), .uint(let b)):
            guard b != 0 else { throw .message("modulus by zero") }
            return .uint(a % b)
        default: throw .noSuchOverload
        }
    }

    static func negate(_ value: CELValue) throws(CELEvaluationError) -> CELValue {
        switch value {
        case .int(let a): return .int(try checked(Int64(0).subtractingReportingOverflow(a)))
        case .double(let a): return .double(-a)
        default: throw .noSuchOverload
        }
    }

    private static func checked<Number>(_ result: (partialValue: Number, overflow: Bool)) throws(CELEvaluationError) -> Number {
        guard !result.overflow else { throw .message("integer overflow") }
        return result.partialValue
    }
}
