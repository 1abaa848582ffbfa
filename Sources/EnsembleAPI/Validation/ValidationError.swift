import EnsembleSupport

/// One problem with an object, named by field path and worded like the API server's own field errors, so that a
/// user reads the same message from `kubectl apply` and from a `Ready=False` condition.
public struct ValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case required = "Required value"
        case invalid = "Invalid value"
        case duplicate = "Duplicate value"
        case unsupported = "Unsupported value"
        case forbidden = "Forbidden"
        case tooLong = "Too long"
        case tooMany = "Too many"
        case unknownField = "Unknown field"
    }

    public var kind: Kind
    public var field: FieldPath
    /// The offending value, for the kinds that show one.
    public var value: JSONValue?
    public var detail: String

    public init(_ kind: Kind, at field: FieldPath, value: JSONValue? = nil, _ detail: String = "") {
        self.kind = kind
        self.field = field
        self.value = value
        self.detail = detail
    }

    public var description: String {
        var text = "\(field): \(kind.rawValue)"
        if let value { text += ": " + JSONText.string(value) }
        if !detail.isEmpty { text += ": " + detail }
        return text
    }
}

extension [ValidationError] {
    /// All the errors on one line each, for a condition message or a log.
    public var summary: String {
        map(\.description).joined(separator: "\n")
    }
}
