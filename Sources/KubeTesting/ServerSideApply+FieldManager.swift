import EnsembleSupport

extension ServerSideApply {
    /// The longest `fieldManager` the apiserver accepts, in bytes.
    public static let fieldManagerMaximumLength = 128

    /// The manager recorded for a non-apply write: the `fieldManager` query parameter when given, otherwise the user
    /// agent up to its first `/` (`kubectl/v1.30.0 (linux/amd64)` → `kubectl`), without unprintable characters and
    /// cut to the maximum length.
    public static func fieldManager(requested: String?, userAgent: String?) -> String {
        if let requested, !requested.isEmpty { return requested }
        let product = (userAgent ?? "").split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        var manager = ""
        for scalar in product.unicodeScalars where isPrintable(scalar) {
            guard manager.utf8.count + String(scalar).utf8.count <= fieldManagerMaximumLength else { break }
            manager.unicodeScalars.append(scalar)
        }
        return manager
    }

    /// What is wrong with a request's `fieldManager` and `force` query parameters, as the apiserver words each field
    /// error (the emulator answers 422 Invalid when there is any): apply requires a manager, `force` is for apply only,
    /// a manager is at most 128 bytes of printable characters.
    public static func fieldManagerProblems(_ fieldManager: String?, isApply: Bool, force: Bool = false) -> [String] {
        var problems: [String] = []
        let manager = fieldManager ?? ""
        if isApply, manager.isEmpty {
            problems.append("fieldManager: Required value: is required for apply patch")
        }
        if !isApply, force {
            problems.append("force: Forbidden: may not be specified for non-apply patch")
        }
        if manager.utf8.count > fieldManagerMaximumLength {
            problems.append("fieldManager: Too long: may not be more than \(fieldManagerMaximumLength) bytes")
        }
        var offset = 0
        for scalar in manager.unicodeScalars {
            if !isPrintable(scalar) {
                let code = String(scalar.value, radix: 16, uppercase: true)
                let padded = String(repeating: "0", count: max(0, 4 - code.count)) + code
                problems.append(
                    "fieldManager: Invalid value: \(JSONText.string(.string(manager))): invalid character U+\(padded) (at position \(offset))")
            }
            offset += String(scalar).utf8.count
        }
        return problems
    }

    /// Go's `unicode.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space.
    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark,
            .decimalNumber, .letterNumber, .otherNumber,
            .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation,
            .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }
}
