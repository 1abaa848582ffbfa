import Foundation

/// The string formats kube-apiserver checks in custom objects (go-openapi's `strfmt` registry as restricted by
/// apiextensions-apiserver). Names compare without dashes, so `date-time` and `datetime` are the same format.
enum SchemaFormat {
    /// The format the validators see after the apiserver strips formats it does not support for the type.
    static func effectiveFormat(of schema: StructuralSchema) -> String {
        guard !schema.format.isEmpty else { return "" }
        switch schema.type {
        case "", "string":
            return checks[normalized(schema.format)] == nil ? "" : schema.format
        case "integer":
            return schema.format == "int32" || schema.format == "int64" ? schema.format : ""
        case "number":
            return schema.format == "float" || schema.format == "double" ? schema.format : ""
        default:
            return ""
        }
    }

    /// Whether `format` is a string format the apiserver checks.
    static func isStringFormat(_ format: String) -> Bool {
        checks[normalized(format)] != nil
    }

    /// `true` when `text` is a valid `format`; unknown formats accept everything.
    static func accepts(_ text: String, format: String) -> Bool {
        guard let check = checks[normalized(format)] else { return true }
        return check(text)
    }

    private static func normalized(_ format: String) -> String {
        format.replacingOccurrences(of: "-", with: "")
    }

    private static let checks: [String: @Sendable (String) -> Bool] = [
        "bsonobjectid": { matches($0, "^[0-9a-fA-F]{24}$") },
        "uri": isURI,
        "email": { matches($0, #"^(?:[^<>@\s]+@[^<>@\s]+\.?[^<>@\s]*|[^<>]*<[^<>@\s]+@[^<>@\s]+>)$"#) },
        "hostname": isHostname,
        "ipv4": { isIPv4($0) },
        "ipv6": { $0.contains(":") && isIPv6($0) },
        "cidr": isCIDR,
        "mac": isMAC,
        "uuid": { matches($0, "^(?i)[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$") },
        "uuid3": { matches($0, "^(?i)[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}$") },
        "uuid4": { matches($0, "^(?i)[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$") },
        "uuid5": { matches($0, "^(?i)[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$") },
        "isbn": { isISBN10($0) || isISBN13($0) },
        "isbn10": isISBN10,
        "isbn13": isISBN13,
        "creditcard": isCreditCard,
        "ssn": { matches($0, #"^\d{3}[- ]?\d{2}[- ]?\d{4}$"#) },
        "hexcolor": { matches($0, "^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$") },
        "rgbcolor": { matches($0, #"^rgb\(\s*(0|[1-9]\d?|1\d\d?|2[0-4]\d|25[0-5])\s*,\s*(0|[1-9]\d?|1\d\d?|2[0-4]\d|25[0-5])\s*,\s*(0|[1-9]\d?|1\d\d?|2[0-4]\d|25[0-5])\s*\)$"#) },
        "byte": { Data(base64Encoded: $0) != nil },
        "password": { _ in true },
        "date": isDate,
        "duration": isDuration,
        "datetime": isDateTime,
        "quantity": { matches($0, #"^[+-]?(\d+(\.\d*)?|\.\d+)(([KMGTPE]i)|[numkMGTPE]|[eE][+-]?\d+)?$"#) },
    ]

    private static func matches(_ text: String, _ pattern: String) -> Bool {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return false }
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    private static func isURI(_ text: String) -> Bool {
        guard !text.isEmpty, !text.contains(" "), let components = URLComponents(string: text) else { return false }
        return components.scheme != nil || text.hasPrefix("/")
    }

    private static func isHostname(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 255 else { return false }
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        return labels.allSatisfy { label in
            guard (1...63).contains(label.count), label.first != "-", label.last != "-" else { return false }
            return label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        }
    }

    static func isIPv4(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            guard (1...3).contains(part.count), part.allSatisfy(\.isASCIIDigit), let value = Int(part) else { return false }
            return value <= 255 && (part.count == 1 || part.first != "0")
        }
    }

    static func isIPv6(_ text: String) -> Bool {
        var groups = text.components(separatedBy: ":")
        var embeddedIPv4 = false
        if let last = groups.last, last.contains(".") {
            guard isIPv4(last) else { return false }
            groups.removeLast()
            groups.append("0")
            groups.append("0")
            embeddedIPv4 = true
        }
        let compressions = text.components(separatedBy: "::").count - 1
        guard compressions <= 1 else { return false }
        if compressions == 0 {
            return groups.count == 8 && groups.allSatisfy(isHexGroup)
        }
        let explicit = groups.filter { !$0.isEmpty }
        let limit = embeddedIPv4 ? 8 : 7
        let edgesWellFormed = text.hasPrefix(":") == text.hasPrefix("::") && text.hasSuffix(":") == text.hasSuffix("::")
        return explicit.count <= limit && explicit.allSatisfy(isHexGroup) && edgesWellFormed
    }

    private static func isHexGroup(_ group: String) -> Bool {
        (1...4).contains(group.count) && group.allSatisfy(\.isHexDigit)
    }

    private static func isCIDR(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let bits = Int(parts[1]), parts[1].allSatisfy(\.isASCIIDigit) else { return false }
        let address = String(parts[0])
        if isIPv4(address) { return (0...32).contains(bits) }
        return isIPv6(address) && (0...128).contains(bits)
    }

    private static func isMAC(_ text: String) -> Bool {
        let colonOrDash = #"^[0-9a-fA-F]{2}([:-])[0-9a-fA-F]{2}(\1[0-9a-fA-F]{2}){4}((\1[0-9a-fA-F]{2}){2}|(\1[0-9a-fA-F]{2}){14})?$"#
        let dotted = #"^[0-9a-fA-F]{4}(\.[0-9a-fA-F]{4}){2}((\.[0-9a-fA-F]{4})|(\.[0-9a-fA-F]{4}){7})?$"#
        return matches(text, colonOrDash) || matches(text, dotted)
    }

    private static func isISBN10(_ text: String) -> Bool {
        let characters = Array(text.filter { $0 != "-" && $0 != " " })
        guard characters.count == 10 else { return false }
        var sum = 0
        for (index, character) in characters.enumerated() {
            let value: Int
            if let digit = character.wholeNumberValue, character.isASCII { value = digit }
            else if index == 9 && character == "X" { value = 10 }
            else { return false }
            sum += (index + 1) * value
        }
        return sum % 11 == 0
    }

    private static func isISBN13(_ text: String) -> Bool {
        let digits = text.filter { $0 != "-" && $0 != " " }.compactMap(\.wholeNumberValue)
        guard digits.count == 13, text.filter({ $0 != "-" && $0 != " " }).count == 13 else { return false }
        let sum = digits.enumerated().reduce(0) { $0 + $1.element * ($1.offset % 2 == 0 ? 1 : 3) }
        return sum % 10 == 0
    }

    private static func isCreditCard(_ text: String) -> Bool {
        let digits = text.filter(\.isASCIIDigit)
        guard matches(digits, #"^(?:4[0-9]{12}(?:[0-9]{3})?|5[1-5][0-9]{14}|(222[1-9]|22[3-9][0-9]|2[3-6][0-9]{2}|27[01][0-9]|2720)[0-9]{12}|6(?:011|5[0-9][0-9])[0-9]{12}|3[47][0-9]{13}|3(?:0[0-5]|[68][0-9])[0-9]{11}|(?:2131|1800|35\d{3})\d{11}|6[27][0-9]{14})$"#) else {
            return false
        }
        var sum = 0
        for (offset, character) in digits.reversed().enumerated() {
            var value = character.wholeNumberValue ?? 0
            if offset % 2 == 1 {
                value *= 2
                if value > 9 { value -= 9 }
            }
            sum += value
        }
        return sum % 10 == 0
    }

    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month)
        else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...lengths[month - 1]).contains(day)
    }

    static func isDateTime(_ text: String) -> Bool {
        let lowered = text.lowercased()
        guard let separator = lowered.firstIndex(of: "t") else { return false }
        let date = String(lowered[..<separator])
        let time = String(lowered[lowered.index(after: separator)...])
        return isDate(date) && matches(time, #"^([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(z|[+-]([01]\d|2[0-3]):[0-5]\d)$"#)
    }

    /// Go's `time.ParseDuration` syntax (`1h30m`, `-1.5s`), or go-openapi's spelled-out form (`3 days`).
    static func isDuration(_ text: String) -> Bool {
        matches(text, #"^[-+]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+$"#) || text == "0"
            || matches(text, #"^(?i)\d+\s*(ns|nanoseconds?|us|µs|microseconds?|ms|milliseconds?|s|sec|seconds?|m|min|minutes?|h|hr|hours?|d|days?|w|wk|weeks?)$"#)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
