import EnsembleSupport

/// A parsed `fieldSelector` query. Like kube-apiserver for most kinds, it supports `metadata.name` and
/// `metadata.namespace` with `=`, `==` and `!=`.
public struct FieldSelector: Sendable, Hashable {
    struct Requirement: Sendable, Hashable {
        let path: [String]
        let value: String
        let equal: Bool
    }

    let requirements: [Requirement]

    public static let everything = FieldSelector(requirements: [])

    init(requirements: [Requirement]) {
        self.requirements = requirements
    }

    public init(parsing text: String) throws(APIError) {
        var requirements: [Requirement] = []
        for clause in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !clause.isEmpty {
            let (field, value, equal): (String, String, Bool)
            if let range = clause.range(of: "!=") {
                (field, value, equal) = (String(clause[..<range.lowerBound]), String(clause[range.upperBound...]), false)
            } else if let range = clause.range(of: "==") ?? clause.range(of: "=") {
                (field, value, equal) = (String(clause[..<range.lowerBound]), String(clause[range.upperBound...]), true)
            } else {
                throw APIError.badRequest("invalid selector: '\(text)'; can't understand '\(clause)'")
            }
            guard ["metadata.name", "metadata.namespace"].contains(field) else {
                throw APIError.badRequest("field label not supported: \(field)")
            }
            requirements.append(Requirement(path: field.split(separator: ".").map(String.init), value: value, equal: equal))
        }
        self.requirements = requirements
    }

    public func matches(_ object: JSONValue) -> Bool {
        requirements.allSatisfy { requirement in
            var value: JSONValue? = object
            for key in requirement.path { value = value?[key] }
            return (value?.stringValue ?? "" == requirement.value) == requirement.equal
        }
    }
}
