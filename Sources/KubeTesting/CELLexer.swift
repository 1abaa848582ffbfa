/// A lexical token of CEL source, with the offset (in Unicode scalars) where it starts.
struct CELToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case identifier(String)
        case int(Int64)
        case uint(UInt64)
        case double(Double)
        case string(String)
        case bytes([UInt8])
        /// Operators and delimiters: `==`, `&&`, `(`, `.`, ...
        case symbol(String)
        case end
    }

    let kind: Kind
    let offset: Int
}

/// Splits CEL source into tokens: identifiers, number literals (decimal and hex, `u` suffix for unsigned),
/// string and bytes literals (single, double or triple quotes, `r` for raw), operators, with `//` comments.
struct CELLexer {
    private let scalars: [Unicode.Scalar]
    private var position = 0

    private static let symbols = ["==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "+", "-", "*", "/", "%", "?", ":", ".", ",",
                                  "(", ")", "[", "]", "{", "}"]

    init(_ source: String) {
        scalars = Array(source.unicodeScalars)
    }

    static func tokens(of source: String) throws(CELIssue) -> [CELToken] {
        var lexer = CELLexer(source)
        var tokens: [CELToken] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        position + ahead < scalars.count ? scalars[position + ahead] : nil
    }

    private mutating func next() throws(CELIssue) -> CELToken {
        skipWhitespaceAndComments()
        let start = position
        guard let scalar = peek() else { return CELToken(kind: .end, offset: start) }

        if scalar.isIdentifierStart {
            let prefix = identifierPrefixOfStringLiteral()
            if let prefix {
                position += prefix.count
                return try stringLiteral(start: start, raw: prefix.lowercased().contains("r"), bytes: prefix.lowercased().contains("b"))
            }
            while let next = peek(), next.isIdentifierStart || next.isDigit { position += 1 }
            return CELToken(kind: .identifier(String(String.UnicodeScalarView(scalars[start..<position]))), offset: start)
        }
        if scalar.isDigit || (scalar == "." && peek(1)?.isDigit == true) {
            return try numberLiteral(start: start)
        }
        if scalar == "\"" || scalar == "'" {
            return try stringLiteral(start: start, raw: false, bytes: false)
        }
        for symbol in Self.symbols where matches(symbol) {
            position += symbol.unicodeScalars.count
            return CELToken(kind: .symbol(symbol), offset: start)
        }
        throw CELIssue(message: "token recognition error at: '\(scalar)'", offset: start)
    }

    private func matches(_ text: String) -> Bool {
        for (index, scalar) in text.unicodeScalars.enumerated() where peek(index) != scalar {
            return false
        }
        return true
    }

    private mutating func skipWhitespaceAndComments() {
        while let scalar = peek() {
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}" {
                position += 1
            } else if scalar == "/" && peek(1) == "/" {
                while let next = peek(), next != "\n" { position += 1 }
            } else {
                return
            }
        }
    }

    /// `r`, `b`, `rb` or `br` (any case) directly followed by a quote.
    private func identifierPrefixOfStringLiteral() -> String? {
        for length in [2, 1] {
            let candidate = (0..<length).compactMap { peek($0) }
            guard candidate.count == length,
                let quote = peek(length), quote == "\"" || quote == "'" else { continue }
            let letters = String(String.UnicodeScalarView(candidate)).lowercased()
            if ["r", "b", "rb", "br"].contains(letters) { return String(String.UnicodeScalarView(candidate)) }
        }
        return nil
    }

    private mutating func numberLiteral(start: Int) throws(CELIssue) -> CELToken {
        if peek() == "0", peek(1) == "x" || peek(1) == "X" {
            position += 2
            let digitsStart = position
            while let next = peek(), next.properties.isASCIIHexDigit { position += 1 }
            let digits = String(String.UnicodeScalarView(scalars[digitsStart..<position]))
            return try integerToken(digits, radix: 16, start: start)
        }
        while let next = peek(), next.isDigit { position += 1 }
        var isDouble = false
        if peek() == ".", peek(1)?.isDigit == true {
            isDouble = true
            position += 1
            while let next = peek(), next.isDigit { position += 1 }
        }
        if peek() == "e" || peek() == "E" {
            let sign = peek(1) == "+" || peek(1) == "-" ? 1 : 0
            if peek(1 + sign)?.isDigit == true {
                isDouble = true
                position += 1 + sign
                while let next = peek(), next.isDigit { position += 1 }
            }
        }
        let text = String(String.UnicodeScalarView(scalars[start..<position]))
        if isDouble {
            guard let number = Double(text) else { throw CELIssue(message: "invalid double literal", offset: start) }
            return CELToken(kind: .double(number), offset: start)
        }
        return try integerToken(text, radix: 10, start: start)
    }

    private mutating func integerToken(_ digits: String, radix: Int, start: Int) throws(CELIssue) -> CELToken {
        if peek() == "u" || peek() == "U" {
            position += 1
            guard let number = UInt64(digits, radix: radix) else { throw CELIssue(message: "invalid uint literal", offset: start) }
            return CELToken(kind: .uint(number), offset: start)
        }
        guard let number = Int64(digits, radix: radix) else { throw CELIssue(message: "invalid int literal", offset: start) }
        return CELToken(kind: .int(number), offset: start)
    }

    private mutating func stringLiteral(start: Int, raw: Bool, bytes: Bool) throws(CELIssue) -> CELToken {
        guard let quote = peek() else { throw CELIssue(message: "unterminated string", offset: start) }
        let triple = peek(1) == quote && peek(2) == quote
        position += triple ? 3 : 1
        var content: [UInt8] = []
        var text = String.UnicodeScalarView()
        func append(_ scalar: Unicode.Scalar) {
            text.append(scalar)
            content += Array(String(scalar).utf8)
        }
        while true {
            guard let scalar = peek() else { throw CELIssue(message: "unterminated string", offset: start) }
            if scalar == quote && (!triple || (peek(1) == quote && peek(2) == quote)) {
                position += triple ? 3 : 1
                break
            }
            if !triple && (scalar == "\n" || scalar == "\r") {
                throw CELIssue(message: "unterminated string", offset: start)
            }
            position += 1
            guard scalar == "\\" && !raw else {
                append(scalar)
                continue
            }
            guard let escaped = peek() else { throw CELIssue(message: "unterminated string", offset: start) }
            position += 1
            switch escaped {
            case "a": append("\u{07}")
            case "b": append("\u{08}")
            case "f": append("\u{0C}")
            case "n": append("\n")
            case "r": append("\r")
            case "t": append("\t")
            case "v": append("\u{0B}")
            case "\\", "'", "\"", "`", "?": append(escaped)
            case "x", "X", "u", "U":
                let width = escaped == "u" ? 4 : (escaped == "U" ? 8 : 2)
                let value = try hexValue(width: width, start: start)
                if bytes && width == 2 {
                    text.append(Unicode.Scalar(UInt8(value)))
                    content.append(UInt8(value))
                } else {
                    guard let decoded = Unicode.Scalar(value) else { throw CELIssue(message: "invalid escape sequence", offset: start) }
                    append(decoded)
                }
            case "0"..."3":
                var value = escaped.value - 48
                for _ in 0..<2 {
                    guard let digit = peek(), ("0"..."7").contains(digit) else { throw CELIssue(message: "invalid octal escape", offset: start) }
                    value = value * 8 + digit.value - 48
                    position += 1
                }
                if bytes {
                    text.append(Unicode.Scalar(UInt8(value)))
                    content.append(UInt8(value))
                } else {
                    append(Unicode.Scalar(UInt8(value)))
                }
            default:
                throw CELIssue(message: "invalid escape sequence '\\\(escaped)'", offset: position - 2)
            }
        }
        return CELToken(kind: bytes ? .bytes(content) : .string(String(text)), offset: start)
    }

    private mutating func hexValue(width: Int, start: Int) throws(CELIssue) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<width {
            guard let digit = peek(), digit.properties.isASCIIHexDigit, let number = UInt32(String(digit), radix: 16) else {
                throw CELIssue(message: "invalid hex escape", offset: start)
            }
            value = value * 16 + number
            position += 1
        }
        return value
    }
}

/// A problem found while compiling a CEL expression (syntax or type), at an offset in Unicode scalars.
struct CELIssue: Error, Sendable {
    let message: String
    let offset: Int
}

extension Unicode.Scalar {
    fileprivate var isIdentifierStart: Bool {
        (self >= "a" && self <= "z") || (self >= "A" && self <= "Z") || self == "_"
    }

    fileprivate var isDigit: Bool { self >= "0" && self <= "9" }
}
