/// The name syntaxes of `k8s.io/apimachinery/pkg/util/validation`, each returning the apiserver's messages
/// (empty when the name is valid).
enum SchemaNameRules {
    private static let labelFormat = "[a-z0-9]([-a-z0-9]*[a-z0-9])?"
    private static let subdomainFormat = labelFormat + "(\\." + labelFormat + ")*"
    private static let dns1035Format = "[a-z]([-a-z0-9]*[a-z0-9])?"

    static func dns1123Subdomain(_ value: String) -> [String] {
        var errors: [String] = []
        if value.utf8.count > 253 { errors.append(maxLengthError(253)) }
        if !matchesWhole(value, labels: true, firstCharacter: isLowerAlphanumeric) {
            errors.append(regexError(
                "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
                format: subdomainFormat, examples: ["example.com"]))
        }
        return errors
    }

    static func dns1123Label(_ value: String) -> [String] {
        var errors: [String] = []
        if value.utf8.count > 63 { errors.append(maxLengthError(63)) }
        if !matchesWhole(value, labels: false, firstCharacter: isLowerAlphanumeric) {
            errors.append(regexError(
                "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
                format: labelFormat, examples: ["my-name", "123-abc"]))
        }
        return errors
    }

    static func dns1035Label(_ value: String) -> [String] {
        var errors: [String] = []
        if value.utf8.count > 63 { errors.append(maxLengthError(63)) }
        if !matchesWhole(value, labels: false, firstCharacter: { $0 >= "a" && $0 <= "z" }) {
            errors.append(regexError(
                "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
                format: dns1035Format, examples: ["my-name", "abc-123"]))
        }
        return errors
    }

    /// `NameIsDNSSubdomain`, the rule for names of custom objects; a `generateName` prefix may end with a dash.
    static func objectName(_ value: String, isPrefix: Bool) -> [String] {
        var name = value
        if isPrefix, name.count > 1, name.hasSuffix("-") {
            name = String(name.dropLast()) + "a"
        }
        return dns1123Subdomain(name)
    }

    /// `ValidatePathSegmentName`, the rule for names inside embedded resources.
    static func pathSegmentName(_ value: String, isPrefix: Bool) -> [String] {
        if !isPrefix, value == "." || value == ".." {
            return ["may not be '\(value)'"]
        }
        return ["/", "%"].filter { value.contains($0) }.map { "may not contain '\($0)'" }
    }

    private static func maxLengthError(_ length: Int) -> String {
        "must be no more than \(length) characters"
    }

    /// apimachinery's `RegexError`, quirks included (a stray space before "or").
    private static func regexError(_ message: String, format: String, examples: [String]) -> String {
        var text = message + " (e.g. "
        for (index, example) in examples.enumerated() {
            if index > 0 { text += " or " }
            text += "'\(example)', "
        }
        return text + "regex used for validation is '\(format)')"
    }

    private static func isLowerAlphanumeric(_ character: Character) -> Bool {
        (character >= "a" && character <= "z") || (character >= "0" && character <= "9")
    }

    /// Matches labels of lower case alphanumerics and inner dashes, joined by dots when `labels` is true.
    private static func matchesWhole(_ value: String, labels: Bool, firstCharacter: (Character) -> Bool) -> Bool {
        let parts = labels ? value.split(separator: ".", omittingEmptySubsequences: false) : [Substring(value)]
        return parts.allSatisfy { part in
            guard let first = part.first, let last = part.last, firstCharacter(first), isLowerAlphanumeric(last) else {
                return false
            }
            return part.allSatisfy { isLowerAlphanumeric($0) || $0 == "-" }
        }
    }
}
