import EnsembleSupport

/// A value of the Common Expression Language as Kubernetes validation rules see custom objects: JSON objects
/// become maps keyed by field name, `integer` fields `int`, `number` fields `double`.
enum CELValue: Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case bytes([UInt8])
    case list([CELValue])
    case map(CELMap)

    var typeName: String {
        switch self {
        case .null: "null_type"
        case .bool: "bool"
        case .int: "int"
        case .uint: "uint"
        case .double: "double"
        case .string: "string"
        case .bytes: "bytes"
        case .list: "list"
        case .map: "map"
        }
    }

    /// The value of `json` where `schema` applies; without a schema, JSON types map directly.
    init(json: JSONValue, schema: StructuralSchema?) {
        switch json {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .integer(let number): self = schema?.type == "number" ? .double(Double(number)) : .int(number)
        case .double(let number):
            if schema?.type == "integer", let integer = Int64(exactly: number) {
                self = .int(integer)
            } else {
                self = .double(number)
            }
        case .string(let text): self = .string(text)
        case .array(let elements): self = .list(elements.map { CELValue(json: $0, schema: schema?.items) })
        case .object(let members):
            var entries: [CELMapKey: CELValue] = [:]
            for (key, member) in members {
                entries[.string(key)] = CELValue(json: member, schema: schema?.memberSchema(key))
            }
            self = .map(CELMap(entries))
        }
    }

    /// CEL's equality: numbers compare by value across `int`, `uint` and `double`; values of different kinds
    /// are unequal rather than an error.
    static func equal(_ left: CELValue, _ right: CELValue) -> Bool {
        switch (left, right) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.bytes(let a), .bytes(let b)): return a == b
        case (.list(let a), .list(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { equal($0, $1) }
        case (.map(let a), .map(let b)):
            return a.count == b.count && a.entries.allSatisfy { key, value in b[key].map { equal(value, $0) } ?? false }
        default:
            if let order = numericOrder(left, right) { return order == 0 }
            return false
        }
    }

    /// The order of two values that CEL can compare, or `nil` when the pair has no `<` overload.
    static func order(_ left: CELValue, _ right: CELValue) -> Int? {
        switch (left, right) {
        case (.bool(let a), .bool(let b)): return a == b ? 0 : (a ? 1 : -1)
        case (.string(let a), .string(let b)):
            return lexicographicOrder(Array(a.unicodeScalars.map(\.value)), Array(b.unicodeScalars.map(\.value)))
        case (.bytes(let a), .bytes(let b)): return lexicographicOrder(a, b)
        default: return numericOrder(left, right)
        }
    }

    private static func lexicographicOrder<Element: Comparable>(_ a: [Element], _ b: [Element]) -> Int {
        a == b ? 0 : (a.lexicographicallyPrecedes(b) ? -1 : 1)
    }

    private static func numericOrder(_ left: CELValue, _ right: CELValue) -> Int? {
        func sign<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : (a > b ? 1 : 0) }
        switch (left, right) {
        case (.int(let a), .int(let b)): return sign(a, b)
        case (.uint(let a), .uint(let b)): return sign(a, b)
        case (.double(let a), .double(let b)): return a.isNaN || b.isNaN ? nil : sign(a, b)
        case (.int(let a), .uint(let b)): return a < 0 ? -1 : sign(UInt64(a), b)
        case (.uint(let a), .int(let b)): return b < 0 ? 1 : sign(a, UInt64(b))
        case (.int(let a), .double(let b)): return b.isNaN ? nil : sign(Double(a), b)
        case (.double(let a), .int(let b)): return a.isNaN ? nil : sign(a, Double(b))
        case (.uint(let a), .double(let b)): return b.isNaN ? nil : sign(Double(a), b)
        case (.double(let a), .uint(let b)): return a.isNaN ? nil : sign(a, Double(b))
        default: return nil
        }
    }
}

/// A key of a CEL map: only these kinds may be keys.
enum CELMapKey: Hashable, Sendable {
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case string(String)

    init?(_ value: CELValue) {
        switch value {
        case .bool(let flag): self = .bool(flag)
        case .int(let number): self = .int(number)
        case .uint(let number): self = .uint(number)
        case .string(let text): self = .string(text)
        default: return nil
        }
    }

    fileprivate var kindRank: Int {
        switch self {
        case .bool: 0
        case .int: 1
        case .uint: 2
        case .string: 3
        }
    }

    var value: CELValue {
        switch self {
        case .bool(let flag): .bool(flag)
        case .int(let number): .int(number)
        case .uint(let number): .uint(number)
        case .string(let text): .string(text)
        }
    }
}

struct CELMap: Sendable {
    private(set) var entries: [CELMapKey: CELValue]

    init(_ entries: [CELMapKey: CELValue]) {
        self.entries = entries
    }

    var count: Int { entries.count }

    /// Keys in a stable order (CEL leaves map iteration order unspecified): by kind, then by value.
    var orderedKeys: [CELMapKey] {
        entries.keys.sorted { left, right in
            switch (left, right) {
            case (.bool(let a), .bool(let b)): !a && b
            case (.int(let a), .int(let b)): a < b
            case (.uint(let a), .uint(let b)): a < b
            case (.string(let a), .string(let b)): a < b
            default: left.kindRank < right.kindRank
            }
        }
    }

    subscript(key: CELMapKey) -> CELValue? { entries[key] }

    /// Looks a key up with CEL's numeric key equivalence (`m[1]` finds the key `1u`).
    func lookup(_ key: CELValue) -> CELValue? {
        if let exact = CELMapKey(key).flatMap({ entries[$0] }) { return exact }
        return entries.first { candidate, _ in CELValue.equal(candidate.value, key) }?.value
    }
}
