import EnsembleSupport

/// Prints values the way kube-apiserver's Go code does in error messages (`%v`, `%q`, `%#v` of decoded JSON),
/// so that messages match the real server character for character.
enum SchemaValueFormat {
    /// The bad value in a `field.Error`: numbers and booleans plain, strings quoted, `null` as `"null"`,
    /// arrays and objects in Go syntax (`[]interface {}{1, "a"}`).
    static func errorValue(_ value: JSONValue) -> String {
        switch value {
        case .null: quoted("null")
        case .bool(let flag): flag ? "true" : "false"
        case .integer(let number): String(number)
        case .double(let number): float(number)
        case .string(let text): quoted(text)
        case .array, .object: goSyntax(value)
        }
    }

    /// Go's `%v` for any decoded JSON value (`[a b]`, `map[k:v]`).
    static func plain(_ value: JSONValue) -> String {
        switch value {
        case .null: "<nil>"
        case .bool(let flag): flag ? "true" : "false"
        case .integer(let number): String(number)
        case .double(let number): float(number)
        case .string(let text): text
        case .array(let elements): "[" + elements.map(plain).joined(separator: " ") + "]"
        case .object(let members):
            "map[" + members.keys.sorted().map { "\($0):\(plain(members[$0]!))" }.joined(separator: " ") + "]"
        }
    }

    /// Go's `%#v` of a value held in an `interface{}`.
    static func goSyntax(_ value: JSONValue) -> String {
        switch value {
        case .null: "interface {}(nil)"
        case .bool, .integer, .double: plain(value)
        case .string(let text): quoted(text)
        case .array(let elements): "[]interface {}{" + elements.map(goSyntax).joined(separator: ", ") + "}"
        case .object(let members):
            "map[string]interface {}{"
                + members.keys.sorted().map { quoted($0) + ":" + goSyntax(members[$0]!) }.joined(separator: ", ") + "}"
        }
    }

    /// Go's `strconv.Quote`.
    static func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\u{07}": output += "\\a"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{0B}": output += "\\v"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    output += "\\x" + hex(scalar.value, width: 2)
                } else if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format
                    || scalar.properties.generalCategory == .unassigned || scalar.properties.generalCategory == .lineSeparator
                    || scalar.properties.generalCategory == .paragraphSeparator
                {
                    output += scalar.value > 0xFFFF ? "\\U" + hex(scalar.value, width: 8) : "\\u" + hex(scalar.value, width: 4)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }

    /// Go's `%v` for a float64 (`strconv.FormatFloat(x, 'g', -1, 64)`): the shortest digits that round-trip,
    /// in exponent form when the decimal exponent is below -4 or at least 6 (`1e+06`, `123456`, `1e-05`).
    static func float(_ number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number < 0 ? "-Inf" : "+Inf" }
        if number == 0 { return number.sign == .minus ? "-0" : "0" }
        let decimal = ShortestDecimal(number)
        let exponent = decimal.pointPosition - 1
        if exponent < -4 || exponent >= 6 {
            var text = decimal.negative ? "-" : ""
            text += String(decimal.digits.first!)
            if decimal.digits.count > 1 {
                text += "." + decimal.digits.dropFirst()
            }
            text += exponent < 0 ? "e-" : "e+"
            let magnitude = String(abs(exponent))
            text += magnitude.count < 2 ? "0" + magnitude : magnitude
            return text
        }
        var text = decimal.negative ? "-" : ""
        if decimal.pointPosition <= 0 {
            text += "0." + String(repeating: "0", count: -decimal.pointPosition) + decimal.digits
        } else if decimal.pointPosition >= decimal.digits.count {
            text += decimal.digits + String(repeating: "0", count: decimal.pointPosition - decimal.digits.count)
        } else {
            let split = decimal.digits.index(decimal.digits.startIndex, offsetBy: decimal.pointPosition)
            text += decimal.digits[..<split] + "." + decimal.digits[split...]
        }
        return text
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// The shortest round-tripping decimal digits of a double and where the decimal point goes
/// (`digits` = "15", `pointPosition` = 1 means 1.5), read from Swift's own shortest rendering.
private struct ShortestDecimal {
    var negative: Bool
    var digits: String
    var pointPosition: Int

    init(_ number: Double) {
        var text = Substring(number.description)
        negative = text.hasPrefix("-")
        if negative { text = text.dropFirst() }
        var exponent = 0
        if let marker = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: marker)...]) ?? 0
            text = text[..<marker]
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let integerPart = parts[0]
        let fractionPart = parts.count > 1 ? parts[1] : ""
        var allDigits = String(integerPart) + String(fractionPart)
        var position = integerPart.count + exponent
        while allDigits.hasPrefix("0") && allDigits.count > 1 {
            allDigits.removeFirst()
            position -= 1
        }
        while allDigits.hasSuffix("0") && allDigits.count > 1 {
            allDigits.removeLast()
        }
        digits = allDigits
        pointPosition = position
    }
}
