import EnsembleSupport

/// A parsed `labelSelector` query: equality-based (`a=b`, `a==b`, `a!=b`) and set-based (`a in (x,y)`,
/// `a notin (x)`, `a`, `!a`) requirements, all of which must hold.
public struct LabelSelector: Sendable, Hashable {
    public enum Requirement: Sendable, Hashable {
        case equals(String, String)
        case notEquals(String, String)
        case isIn(String, Set<String>)
        case notIn(String, Set<String>)
        case exists(String)
        case doesNotExist(String)

        func matches(_ labels: [String: String]) -> Bool {
            switch self {
            case .equals(let key, let value): labels[key] == value
            case .notEquals(let key, let value): labels[key] != value
            case .isIn(let key, let values): labels[key].map(values.contains) ?? false
            case .notIn(let key, let values): !(labels[key].map(values.contains) ?? false)
            case .exists(let key): labels[key] != nil
            case .doesNotExist(let key): labels[key] == nil
            }
        }
    }

    public let requirements: [Requirement]

    public static let everything = LabelSelector(requirements: [])

    init(requirements: [Requirement]) {
        self.requirements = requirements
    }

    public init(parsing text: String) throws(APIError) {
        var requirements: [Requirement] = []
        for clause in Self.clauses(text) {
            requirements.append(try Self.requirement(clause))
        }
        self.requirements = requirements
    }

    public func matches(_ object: JSONValue) -> Bool {
        let labels = object["metadata"]?["labels"]?.objectValue?.compactMapValues(\.stringValue) ?? [:]
        return requirements.allSatisfy { $0.matches(labels) }
    }

    /// Splits on commas that are not inside parentheses.
    private static func clauses(_ text: String) -> [String] {
        var clauses: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            switch character {
            case "(": depth += 1; current.append(character)
            case ")": depth -= 1; current.append(character)
            case "," where depth == 0: clauses.append(current); current = ""
            default: current.append(character)
            }
        }
        clauses.append(current)
        return clauses.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private static func requirement(_ clause: String) throws(APIError) -> Requirement {
        if let range = clause.range(of: " notin ") ?? clause.range(of: " in ") {
            let key = String(clause[..<range.lowerBound]).trimmingCharacters(in: .whitespaces)
            let rest = clause[range.upperBound...].trimmingCharacters(in: .whitespaces)
            guard rest.hasPrefix("("), rest.hasSuffix(")") else { throw invalid(clause) }
            let values = Set(rest.dropFirst().dropLast().split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces)
            })
            try validate(key: key, clause)
            guard !values.isEmpty else { throw invalid(clause) }
            for value in values { try validate(value: value, clause) }
            return clause[range].contains("notin") ? .notIn(key, values) : .isIn(key, values)
        }
        for (operator_, make) in [
            ("!=", Requirement.notEquals), ("==", Requirement.equals), ("=", Requirement.equals),
        ] as [(String, (String, String) -> Requirement)] {
            if let range = clause.range(of: operator_) {
                let key = clause[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
                let value = clause[range.upperBound...].trimmingCharacters(in: .whitespaces)
                try validate(key: key, clause)
                try validate(value: value, clause)
                return make(key, value)
            }
        }
        if clause.hasPrefix("!") {
            let key = clause.dropFirst().trimmingCharacters(in: .whitespaces)
            try validate(key: key, clause)
            return .doesNotExist(key)
        }
        try validate(key: clause, clause)
        return .exists(clause)
    }

    private static func validate(key: String, _ clause: String) throws(APIError) {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./")
        guard !key.isEmpty, key.allSatisfy({ allowed.contains($0) }) else { throw invalid(clause) }
    }

    /// A label value: at most 63 characters, alphanumerics with `-`, `_` and `.` inside; empty is allowed.
    private static func validate(value: String, _ clause: String) throws(APIError) {
        let alphanumeric = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        let inner = alphanumeric.union("-_.")
        guard value.count <= 63, value.allSatisfy({ inner.contains($0) }) else { throw invalid(clause) }
        if let first = value.first, let last = value.last, !alphanumeric.contains(first) || !alphanumeric.contains(last) {
            throw invalid(clause)
        }
    }

    private static func invalid(_ clause: String) -> APIError {
        APIError.badRequest("unable to parse requirement: found '\(clause)', expected: valid label selector")
    }
}
