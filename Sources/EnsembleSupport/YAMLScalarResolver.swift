/// Turns scalar text into a JSON value by the rules documented on `YAML`, and tells the emitter which strings
/// must be quoted to read back as strings.
enum YAMLScalarResolver {
    /// What libyaml expands the `!!` handle to.
    static let tagPrefix = "tag:yaml.org,2002:"

    static func resolvePlain(_ text: String) -> JSONValue {
        if isNull(text) { return .null }
        if let flag = bool(text) { return .bool(flag) }
        if let number = integer(text) { return number }
        if let number = float(text) { return .double(number) }
        return .string(text)
    }

    /// The value of a scalar with an explicit tag, or nil when the text does not fit the tag.
    /// Tags other than the YAML core ones (`!!binary`, `!!timestamp`, application tags like `!Ref`) keep the text
    /// as a string.
    static func resolve(_ text: String, tag: String) -> JSONValue? {
        switch tag {
        case tagPrefix + "str", "!":
            return .string(text)
        case tagPrefix + "null":
            return isNull(text) ? .null : nil
        case tagPrefix + "bool":
            return bool(text).map(JSONValue.bool)
        case tagPrefix + "int":
            if case .integer(let number)? = integer(text) { return .integer(number) }
            return nil
        case tagPrefix + "float":
            if let number = float(text) { return .double(number) }
            return integer(text)?.doubleValue.map(JSONValue.double)
        default:
            return .string(text)
        }
    }

    /// Whether `text` must be quoted to be read back as this string, by this resolver or by a YAML 1.1 reader
    /// such as kubectl's, which also takes `yes`/`on`, `12:30`, `1_000` and `2024-01-01` for other types.
    /// Syntax that cannot be plain (leading spaces, `: `, ` #`, indicators) is libyaml's to detect.
    static func needsQuotes(_ text: String) -> Bool {
        if resolvePlain(text) != .string(text) { return true }
        if yaml11Words.contains(text) { return true }
        if text.contains("_"), isNumber(resolvePlain(text.replacing("_", with: ""))) { return true }
        return looksSexagesimal(text) || looksLikeDate(text)
    }

    private static let yaml11Words: Set<String> = [
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
        "on", "On", "ON", "off", "Off", "OFF", "<<", "=",
    ]

    private static func isNumber(_ value: JSONValue) -> Bool {
        switch value {
        case .integer, .double: return true
        default: return false
        }
    }

    private static func isNull(_ text: String) -> Bool {
        switch text {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    private static func bool(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// `.integer`, or `.double` when the integer does not fit in `Int64`; nil when `text` is not an integer.
    private static func integer(_ text: String) -> JSONValue? {
        var digits = Substring(text)
        var sign = ""
        if let first = digits.first, first == "+" || first == "-" {
            sign = first == "-" ? "-" : ""
            digits = digits.dropFirst()
        }
        let radix: Int
        switch digits.prefix(2) {
        case "0x", "0X":
            radix = 16
            digits = digits.dropFirst(2)
        case "0o", "0O":
            radix = 8
            digits = digits.dropFirst(2)
        case "0b", "0B":
            radix = 2
            digits = digits.dropFirst(2)
        default: radix = digits.count > 1 && digits.first == "0" && digits.allSatisfy(isOctalDigit) ? 8 : 10
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.hexDigitValue.map { $0 < radix } == true }) else {
            return nil
        }
        if let number = Int64(sign + digits, radix: radix) { return .integer(number) }
        if radix == 10, let number = Double(sign + digits) { return .double(number) }
        let magnitude = digits.reduce(0.0) { $0 * Double(radix) + Double($1.hexDigitValue!) }
        return .double(sign.isEmpty ? magnitude : -magnitude)
    }

    private static func float(_ text: String) -> Double? {
        var body = Substring(text)
        var negative = false
        if let first = body.first, first == "+" || first == "-" {
            negative = first == "-"
            body = body.dropFirst()
        }
        switch body {
        case ".inf", ".Inf", ".INF": return negative ? -.infinity : .infinity
        case ".nan", ".NaN", ".NAN": return text == body ? .nan : nil
        default: break
        }
        guard hasFloatSyntax(body), let number = Double(text), number.isFinite else { return nil }
        return number
    }

    /// `( \.[0-9]+ | [0-9]+ (\.[0-9]*)? ) ([eE][-+]?[0-9]+)?`
    private static func hasFloatSyntax(_ body: Substring) -> Bool {
        var rest = body
        let integerDigits = rest.prefix(while: isDecimalDigit).count
        rest = rest.dropFirst(integerDigits)
        var fractionDigits = 0
        if rest.first == "." {
            rest = rest.dropFirst()
            fractionDigits = rest.prefix(while: isDecimalDigit).count
            rest = rest.dropFirst(fractionDigits)
        }
        guard integerDigits + fractionDigits > 0 else { return false }
        if let first = rest.first, first == "e" || first == "E" {
            rest = rest.dropFirst()
            if let sign = rest.first, sign == "+" || sign == "-" { rest = rest.dropFirst() }
            let exponentDigits = rest.prefix(while: isDecimalDigit).count
            guard exponentDigits > 0 else { return false }
            rest = rest.dropFirst(exponentDigits)
        }
        return rest.isEmpty
    }

    /// YAML 1.1 base-60 numbers such as `12:30` or `-1:20:30.5`.
    private static func looksSexagesimal(_ text: String) -> Bool {
        var body = Substring(text)
        if let first = body.first, first == "+" || first == "-" { body = body.dropFirst() }
        guard let first = body.first, isDecimalDigit(first), body.contains(":") else { return false }
        return body.allSatisfy { isDecimalDigit($0) || $0 == ":" || $0 == "." || $0 == "_" }
    }

    /// YAML 1.1 timestamps start `YYYY-M-D`.
    private static func looksLikeDate(_ text: String) -> Bool {
        let characters = Array(text.prefix(10))
        guard characters.count >= 8, characters[..<4].allSatisfy(isDecimalDigit), characters[4] == "-",
            isDecimalDigit(characters[5])
        else { return false }
        return characters[5...].contains("-")
    }

    private static func isDecimalDigit(_ character: Character) -> Bool {
        character.isASCII && character.isWholeNumber
    }

    private static func isOctalDigit(_ character: Character) -> Bool {
        ("0"..."7").contains(character)
    }
}
