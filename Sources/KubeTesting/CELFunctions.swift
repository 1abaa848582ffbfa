import Foundation

/// The functions validation rules may call: CEL's standard functions and the Kubernetes string, list and regex
/// extensions. Each has a type signature for the checker and an implementation for the evaluator.
enum CELFunctions {
    /// Given the receiver type (`nil` for a global call) and argument types, the result type; `nil` when no
    /// overload accepts them.
    typealias Signature = @Sendable (_ receiver: CELType?, _ arguments: [CELType]) -> CELType?
    typealias Implementation = @Sendable (_ receiver: CELValue?, _ arguments: [CELValue]) throws(CELEvaluationError) -> CELValue

    struct Function: Sendable {
        let signature: Signature
        let implementation: Implementation
    }

    /// Functions of Kubernetes' CEL environment this evaluator does not implement: rules using them are
    /// refused with a clear message instead of a misleading "undeclared reference".
    static let unsupported: Set<String> = [
        "duration", "timestamp", "getDate", "getDayOfMonth", "getDayOfWeek", "getDayOfYear", "getFullYear", "getHours",
        "getMilliseconds", "getMinutes", "getMonth", "getSeconds", "quantity", "isQuantity", "url", "isURL", "ip", "isIP",
        "cidr", "isCIDR", "format", "quote", "reverse", "type", "optional", "orValue", "hasValue", "value", "sets", "math",
        "strings", "base64", "semver", "isSemver", "authorizer", "getScheme", "getHost", "getPath", "getQuery", "compareTo",
    ]

    static func lookup(_ name: String) -> Function? {
        library[name]
    }

    // MARK: type helpers

    /// Whether a value of type `actual` may be passed where `expected` is declared.
    static func fits(_ actual: CELType, _ expected: CELType) -> Bool {
        switch (actual, expected) {
        case (.dyn, _), (_, .dyn): true
        case (.list(let a), .list(let e)): fits(a, e)
        case (.map(let ak, let av), .map(let ek, let ev)): fits(ak, ek) && fits(av, ev)
        default: actual == expected
        }
    }

    private static func member(_ receiver: CELType?, _ accepted: [CELType]) -> Bool {
        guard let receiver else { return false }
        return accepted.contains { fits(receiver, $0) }
    }

    private static func arguments(_ actual: [CELType], _ expected: [CELType]) -> Bool {
        actual.count == expected.count && zip(actual, expected).allSatisfy { fits($0, $1) }
    }

    private static func stringMethod(_ expected: [[CELType]], result: CELType) -> Signature {
        { receiver, actual in
            member(receiver, [.string]) && expected.contains { arguments(actual, $0) } ? result : nil
        }
    }

    private static func elementType(_ type: CELType?) -> CELType {
        if case .list(let element)? = type { return element }
        return .dyn
    }

    // MARK: the library

    private static let library: [String: Function] = [
        "size": Function(
            signature: { receiver, actual in
                let sized: [CELType] = [.string, .bytes, .list(.dyn), .map(key: .dyn, value: .dyn)]
                if let receiver { return actual.isEmpty && sized.contains { fits(receiver, $0) } ? .int : nil }
                return actual.count == 1 && sized.contains { fits(actual[0], $0) } ? .int : nil
            },
            implementation: { receiver, arguments throws(CELEvaluationError) in
                switch receiver ?? arguments.first {
                case .string(let text)?: .int(Int64(text.unicodeScalars.count))
                case .bytes(let bytes)?: .int(Int64(bytes.count))
                case .list(let elements)?: .int(Int64(elements.count))
                case .map(let map)?: .int(Int64(map.count))
                default: throw .noSuchOverload
                }
            }),
        "contains": Function(signature: stringMethod([[.string]], result: .bool), implementation: { receiver, arguments throws(CELEvaluationError) in
            let (text, other) = try stringPair(receiver, arguments)
            return .bool(other.isEmpty || text.contains(other))
        }),
        "startsWith": Function(signature: stringMethod([[.string]], result: .bool), implementation: { receiver, arguments throws(CELEvaluationError) in
            let (text, prefix) = try stringPair(receiver, arguments)
            return .bool(text.unicodeScalars.starts(with: prefix.unicodeScalars))
        }),
        "endsWith": Function(signature: stringMethod([[.string]], result: .bool), implementation: { receiver, arguments throws(CELEvaluationError) in
            let (text, suffix) = try stringPair(receiver, arguments)
            return .bool(text.unicodeScalars.reversed().starts(with: suffix.unicodeScalars.reversed()))
        }),
        "matches": Function(
            signature: { receiver, actual in
                if receiver != nil { return member(receiver, [.string]) && arguments(actual, [.string]) ? .bool : nil }
                return arguments(actual, [.string, .string]) ? .bool : nil
            },
            implementation: { receiver, arguments throws(CELEvaluationError) in
                let (text, pattern) = receiver == nil
                    ? try stringPair(arguments.first, Array(arguments.dropFirst()))
                    : try stringPair(receiver, arguments)
                return .bool(try CELRegex(pattern).firstMatch(in: text) != nil)
            }),
        "lowerAscii": Function(signature: stringMethod([[]], result: .string), implementation: { receiver, _ throws(CELEvaluationError) in
            .string(String(String.UnicodeScalarView(try string(receiver).unicodeScalars.map {
                $0 >= "A" && $0 <= "Z" ? Unicode.Scalar($0.value + 32)! : $0
            })))
        }),
        "upperAscii": Function(signature: stringMethod([[]], result: .string), implementation: { receiver, _ throws(CELEvaluationError) in
            .string(String(String.UnicodeScalarView(try string(receiver).unicodeScalars.map {
                $0 >= "a" && $0 <= "z" ? Unicode.Scalar($0.value - 32)! : $0
            })))
        }),
        "trim": Function(signature: stringMethod([[]], result: .string), implementation: { receiver, _ throws(CELEvaluationError) in
            .string(try string(receiver).trimmingCharacters(in: .whitespacesAndNewlines))
        }),
        "replace": Function(signature: stringMethod([[.string, .string], [.string, .string, .int]], result: .string),
            implementation: { receiver, arguments throws(CELEvaluationError) in
                let text = try string(receiver)
                let old = try string(arguments.first)
                let new = try string(arguments.dropFirst().first)
                let limit = arguments.count > 2 ? try integer(arguments[2]) : -1
                return .string(replacing(old, with: new, in: text, limit: limit))
            }),
        "split": Function(signature: stringMethod([[.string], [.string, .int]], result: .list(.string)),
            implementation: { receiver, arguments throws(CELEvaluationError) in
                let text = try string(receiver)
                let separator = try string(arguments.first)
                let limit = arguments.count > 1 ? try integer(arguments[1]) : -1
                return .list(splitting(text, by: separator, limit: limit).map(CELValue.string))
            }),
        "join": Function(
            signature: { receiver, actual in
                member(receiver, [.list(.string)]) && (actual.isEmpty || arguments(actual, [.string])) ? .string : nil
            },
            implementation: { receiver, arguments throws(CELEvaluationError) in
                guard case .list(let elements)? = receiver else { throw .noSuchOverload }
                var parts: [String] = []
                for element in elements { parts.append(try string(element)) }
                return .string(parts.joined(separator: arguments.isEmpty ? "" : try string(arguments[0])))
            }),
        "indexOf": Function(
            signature: { receiver, actual in
                if member(receiver, [.string]) { return arguments(actual, [.string]) || arguments(actual, [.string, .int]) ? .int : nil }
                return member(receiver, [.list(.dyn)]) && actual.count == 1 && fits(actual[0], elementType(receiver)) ? .int : nil
            },
            implementation: { receiver, arguments throws(CELEvaluationError) in try indexOf(receiver, arguments, last: false) }),
        "lastIndexOf": Function(
            signature: { receiver, actual in
                if member(receiver, [.string]) { return arguments(actual, [.string]) || arguments(actual, [.string, .int]) ? .int : nil }
                return member(receiver, [.list(.dyn)]) && actual.count == 1 && fits(actual[0], elementType(receiver)) ? .int : nil
            },
            implementation: { receiver, arguments throws(CELEvaluationError) in try indexOf(receiver, arguments, last: true) }),
        "substring": Function(signature: stringMethod([[.int], [.int, .int]], result: .string),
            implementation: { receiver, arguments throws(CELEvaluationError) in
                let scalars = Array(try string(receiver).unicodeScalars)
                let start = try integer(arguments.first)
                let end = arguments.count > 1 ? try integer(arguments[1]) : Int64(scalars.count)
                guard start >= 0, start <= Int64(scalars.count) else { throw .message("index out of range: \(start)") }
                guard end >= 0, end <= Int64(scalars.count) else { throw .message("index out of range: \(end)") }
                guard start <= end else { throw .message("invalid substring range. start: \(start), end: \(end)") }
                return .string(String(String.UnicodeScalarView(scalars[Int(start)..<Int(end)])))
            }),
        "charAt": Function(signature: stringMethod([[.int]], result: .string), implementation: { receiver, arguments throws(CELEvaluationError) in
            let scalars = Array(try string(receiver).unicodeScalars)
            let index = try integer(arguments.first)
            guard index >= 0, index <= Int64(scalars.count) else { throw .message("index out of range: \(index)") }
            return .string(index == Int64(scalars.count) ? "" : String(scalars[Int(index)]))
        }),
        "find": Function(signature: stringMethod([[.string]], result: .string), implementation: { receiver, arguments throws(CELEvaluationError) in
            let (text, pattern) = try stringPair(receiver, arguments)
            return .string(try CELRegex(pattern).firstMatch(in: text) ?? "")
        }),
        "findAll": Function(signature: stringMethod([[.string], [.string, .int]], result: .list(.string)),
            implementation: { receiver, arguments throws(CELEvaluationError) in
                let text = try string(receiver)
                let limit = arguments.count > 1 ? try integer(arguments[1]) : -1
                let matches = try CELRegex(try string(arguments.first)).allMatches(in: text)
                return .list((limit < 0 ? matches : Array(matches.prefix(Int(limit)))).map(CELValue.string))
            }),
        "isSorted": Function(
            signature: { receiver, actual in member(receiver, [.list(.dyn)]) && actual.isEmpty ? .bool : nil },
            implementation: { receiver, _ throws(CELEvaluationError) in
                let elements = try list(receiver)
                for (left, right) in zip(elements, elements.dropFirst()) {
                    guard let order = CELValue.order(left, right) else { throw .noSuchOverload }
                    if order > 0 { return .bool(false) }
                }
                return .bool(true)
            }),
        "sum": Function(
            signature: { receiver, actual in member(receiver, [.list(.dyn)]) && actual.isEmpty ? elementType(receiver) : nil },
            implementation: { receiver, _ throws(CELEvaluationError) in
                var total: CELValue = .int(0)
                for (index, element) in try list(receiver).enumerated() {
                    total = index == 0 ? element : try CELArithmetic.add(total, element)
                }
                return total
            }),
        "min": Function(
            signature: { receiver, actual in member(receiver, [.list(.dyn)]) && actual.isEmpty ? elementType(receiver) : nil },
            implementation: { receiver, _ throws(CELEvaluationError) in try extreme(receiver, wantsMinimum: true) }),
        "max": Function(
            signature: { receiver, actual in member(receiver, [.list(.dyn)]) && actual.isEmpty ? elementType(receiver) : nil },
            implementation: { receiver, _ throws(CELEvaluationError) in try extreme(receiver, wantsMinimum: false) }),
        "int": conversion(to: .int, from: [.int, .uint, .double, .string]) { value throws(CELEvaluationError) in
            switch value {
            case .int: return value
            case .uint(let number):
                guard let converted = Int64(exactly: number) else { throw .message("range error converting \(number) to int") }
                return .int(converted)
            case .double(let number):
                guard number.isFinite, let converted = Int64(exactly: number.rounded(.towardZero)) else {
                    throw .message("range error converting \(SchemaValueFormat.float(number)) to int")
                }
                return .int(converted)
            case .string(let text):
                guard let converted = Int64(text) else { throw .message("cannot convert '\(text)' to int") }
                return .int(converted)
            default: throw .noSuchOverload
            }
        },
        "uint": conversion(to: .uint, from: [.int, .uint, .double, .string]) { value throws(CELEvaluationError) in
            switch value {
            case .uint: return value
            case .int(let number):
                guard let converted = UInt64(exactly: number) else { throw .message("range error converting \(number) to uint") }
                return .uint(converted)
            case .double(let number):
                guard number.isFinite, let converted = UInt64(exactly: number.rounded(.towardZero)) else {
                    throw .message("range error converting \(SchemaValueFormat.float(number)) to uint")
                }
                return .uint(converted)
            case .string(let text):
                guard let converted = UInt64(text) else { throw .message("cannot convert '\(text)' to uint") }
                return .uint(converted)
            default: throw .noSuchOverload
            }
        },
        "double": conversion(to: .double, from: [.int, .uint, .double, .string]) { value throws(CELEvaluationError) in
            switch value {
            case .double: return value
            case .int(let number): return .double(Double(number))
            case .uint(let number): return .double(Double(number))
            case .string(let text):
                guard let converted = Double(text) else { throw .message("cannot convert '\(text)' to double") }
                return .double(converted)
            default: throw .noSuchOverload
            }
        },
        "string": conversion(to: .string, from: [.int, .uint, .double, .bool, .string, .bytes]) { value throws(CELEvaluationError) in
            switch value {
            case .string: return value
            case .int(let number): return .string(String(number))
            case .uint(let number): return .string(String(number))
            case .double(let number): return .string(SchemaValueFormat.float(number))
            case .bool(let flag): return .string(flag ? "true" : "false")
            case .bytes(let bytes):
                guard let text = String(validating: bytes, as: UTF8.self) else { throw .message("invalid UTF-8 in bytes, cannot convert to string") }
                return .string(text)
            default: throw .noSuchOverload
            }
        },
        "bool": conversion(to: .bool, from: [.bool, .string]) { value throws(CELEvaluationError) in
            switch value {
            case .bool: return value
            case .string(let text):
                switch text {
                case "true", "True", "TRUE", "t", "1": return .bool(true)
                case "false", "False", "FALSE", "f", "0": return .bool(false)
                default: throw .message("type conversion error from 'string' to 'bool'")
                }
            default: throw .noSuchOverload
            }
        },
        "bytes": conversion(to: .bytes, from: [.string, .bytes]) { value throws(CELEvaluationError) in
            switch value {
            case .bytes: return value
            case .string(let text): return .bytes(Array(text.utf8))
            default: throw .noSuchOverload
            }
        },
        "dyn": Function(
            signature: { receiver, actual in receiver == nil && actual.count == 1 ? .dyn : nil },
            implementation: { _, arguments throws(CELEvaluationError) in
                guard let value = arguments.first else { throw .noSuchOverload }
                return value
            }),
    ]

    private static func conversion(to result: CELType, from accepted: [CELType],
                                   _ convert: @escaping @Sendable (CELValue) throws(CELEvaluationError) -> CELValue) -> Function {
        Function(
            signature: { receiver, actual in
                receiver == nil && actual.count == 1 && accepted.contains { fits(actual[0], $0) } ? result : nil
            },
            implementation: { _, arguments throws(CELEvaluationError) in
                guard arguments.count == 1 else { throw .noSuchOverload }
                return try convert(arguments[0])
            })
    }

    // MARK: implementation helpers

    private static func string(_ value: CELValue?) throws(CELEvaluationError) -> String {
        guard case .string(let text)? = value else { throw .noSuchOverload }
        return text
    }

    private static func integer(_ value: CELValue?) throws(CELEvaluationError) -> Int64 {
        guard case .int(let number)? = value else { throw .noSuchOverload }
        return number
    }

    private static func list(_ value: CELValue?) throws(CELEvaluationError) -> [CELValue] {
        guard case .list(let elements)? = value else { throw .noSuchOverload }
        return elements
    }

    private static func stringPair(_ receiver: CELValue?, _ arguments: [CELValue]) throws(CELEvaluationError) -> (String, String) {
        guard arguments.count == 1 else { throw .noSuchOverload }
        return (try string(receiver), try string(arguments[0]))
    }

    private static func extreme(_ receiver: CELValue?, wantsMinimum: Bool) throws(CELEvaluationError) -> CELValue {
        let elements = try list(receiver)
        guard var best = elements.first else { throw .message("\(wantsMinimum ? "min" : "max")(list) called on an empty list") }
        for element in elements.dropFirst() {
            guard let order = CELValue.order(element, best) else { throw .noSuchOverload }
            if wantsMinimum ? order < 0 : order > 0 { best = element }
        }
        return best
    }

    private static func indexOf(_ receiver: CELValue?, _ arguments: [CELValue], last: Bool) throws(CELEvaluationError) -> CELValue {
        if case .list(let elements)? = receiver {
            guard let needle = arguments.first else { throw .noSuchOverload }
            let indexes = last ? Array(elements.indices.reversed()) : Array(elements.indices)
            return .int(Int64(indexes.first { CELValue.equal(elements[$0], needle) } ?? -1))
        }
        let text = Array(try string(receiver).unicodeScalars)
        let needle = Array(try string(arguments.first).unicodeScalars)
        let offset = arguments.count > 1 ? try integer(arguments[1]) : (last ? Int64(text.count) : 0)
        guard offset >= 0, offset <= Int64(text.count) else { throw .message("index out of range: \(offset)") }
        guard needle.count <= text.count else { return .int(-1) }
        let candidates = last
            ? Array(stride(from: min(Int(offset), text.count - needle.count), through: 0, by: -1))
            : Array(Int(offset)...(text.count - needle.count))
        return .int(Int64(candidates.first { Array(text[$0..<($0 + needle.count)]) == needle } ?? -1))
    }

    private static func replacing(_ old: String, with new: String, in text: String, limit: Int64) -> String {
        guard limit != 0 else { return text }
        if old.isEmpty {
            var pieces = text.unicodeScalars.map { String($0) }
            let count = limit < 0 ? pieces.count + 1 : min(Int(limit), pieces.count + 1)
            for index in stride(from: count - 1, through: 0, by: -1) { pieces.insert(new, at: index) }
            return pieces.joined()
        }
        var result = ""
        var remainder = Substring(text)
        var replaced: Int64 = 0
        while limit < 0 || replaced < limit, let range = remainder.range(of: old) {
            result += remainder[..<range.lowerBound] + new
            remainder = remainder[range.upperBound...]
            replaced += 1
        }
        return result + remainder
    }

    private static func splitting(_ text: String, by separator: String, limit: Int64) -> [String] {
        guard limit != 0 else { return [] }
        if separator.isEmpty {
            let scalars = text.unicodeScalars.map { String($0) }
            guard limit > 0, Int(limit) < scalars.count else { return scalars }
            return Array(scalars.prefix(Int(limit) - 1)) + [scalars.dropFirst(Int(limit) - 1).joined()]
        }
        var parts: [String] = []
        var remainder = Substring(text)
        while limit < 0 || Int64(parts.count) < limit - 1, let range = remainder.range(of: separator) {
            parts.append(String(remainder[..<range.lowerBound]))
            remainder = remainder[range.upperBound...]
        }
        return parts + [String(remainder)]
    }
}

/// A regular expression of a rule (`matches`, `find`, `findAll`); RE2 syntax is close enough to ICU's for the
/// patterns rules use.
struct CELRegex {
    private let expression: NSRegularExpression

    init(_ pattern: String) throws(CELEvaluationError) {
        do {
            expression = try NSRegularExpression(pattern: pattern)
        } catch {
            throw .message("error parsing regexp: invalid pattern: `\(pattern)`")
        }
    }

    func firstMatch(in text: String) -> String? {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)).flatMap { match in
            Range(match.range, in: text).map { String(text[$0]) }
        }
    }

    func allMatches(in text: String) -> [String] {
        expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range, in: text).map { String(text[$0]) }
        }
    }
}
