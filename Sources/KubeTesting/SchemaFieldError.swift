import EnsembleSupport

/// One field-level validation error, as kube-apiserver reports it in the `details.causes` of a 422 Invalid
/// Status: a machine-readable `type`, the `field` path and a human `message`.
///
/// `description` is the apiserver's `field.Error.Error()` text, for example
/// `spec.replicas: Invalid value: -1: spec.replicas in body should be greater than or equal to 0`.
public struct FieldError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The cause types of `k8s.io/apimachinery/pkg/util/validation/field`; the raw value is the Status cause reason.
    public enum ErrorType: String, Sendable, Hashable, CaseIterable {
        case notFound = "FieldValueNotFound"
        case required = "FieldValueRequired"
        case duplicate = "FieldValueDuplicate"
        case invalid = "FieldValueInvalid"
        case notSupported = "FieldValueNotSupported"
        case forbidden = "FieldValueForbidden"
        case tooLong = "FieldValueTooLong"
        case tooMany = "FieldValueTooMany"
        case internalError = "InternalError"
        case typeInvalid = "FieldValueTypeInvalid"

        /// The canonical text kube-apiserver prints for the type.
        public var label: String {
            switch self {
            case .notFound: "Not found"
            case .required: "Required value"
            case .duplicate: "Duplicate value"
            case .invalid, .typeInvalid: "Invalid value"
            case .notSupported: "Unsupported value"
            case .forbidden: "Forbidden"
            case .tooLong: "Too long"
            case .tooMany: "Too many"
            case .internalError: "Internal error"
            }
        }

        /// Types whose message never shows the offending value.
        var omitsValue: Bool {
            switch self {
            case .required, .forbidden, .tooLong, .internalError: true
            default: false
            }
        }
    }

    public var type: ErrorType
    /// The field path as the apiserver prints it (`spec.agents[0].name`, `metadata.labels[app]`); `<nil>` for the root.
    public var field: String
    /// The offending value; `nil` when the apiserver omits it.
    public var badValue: JSONValue?
    public var detail: String
    /// How the bad value prints when it is not JSON (a Go struct such as `apiextensions.ValidationRule{...}`).
    var badValueText: String?

    public init(type: ErrorType, field: String, badValue: JSONValue?, detail: String) {
        self.type = type
        self.field = field.isEmpty ? SchemaPath.root.description : field
        self.badValue = badValue
        self.detail = detail
    }

    /// The text after the field name: `Invalid value: -1: must be positive`. This is the Status cause `message`.
    public var message: String {
        var text = type.label
        if !type.omitsValue, let shown = badValueText ?? badValue.map(SchemaValueFormat.errorValue) {
            text += ": " + shown
        }
        if !detail.isEmpty {
            text += ": " + detail
        }
        return text
    }

    public var description: String { "\(field): \(message)" }
}

extension FieldError {
    public static func required(_ field: String, detail: String = "") -> FieldError {
        FieldError(type: .required, field: field, badValue: nil, detail: detail)
    }

    public static func invalid(_ field: String, value: JSONValue, detail: String) -> FieldError {
        FieldError(type: .invalid, field: field, badValue: value, detail: detail)
    }

    public static func typeInvalid(_ field: String, value: JSONValue, detail: String) -> FieldError {
        FieldError(type: .typeInvalid, field: field, badValue: value, detail: detail)
    }

    /// `supported` is listed in the order given, each quoted.
    public static func notSupported(_ field: String, value: JSONValue, supported: [String]) -> FieldError {
        let detail = supported.isEmpty ? "" : "supported values: " + supported.map(SchemaValueFormat.quoted).joined(separator: ", ")
        return FieldError(type: .notSupported, field: field, badValue: value, detail: detail)
    }

    public static func forbidden(_ field: String, detail: String) -> FieldError {
        FieldError(type: .forbidden, field: field, badValue: nil, detail: detail)
    }

    public static func duplicate(_ field: String, value: JSONValue) -> FieldError {
        FieldError(type: .duplicate, field: field, badValue: value, detail: "")
    }

    public static func tooLong(_ field: String, value: JSONValue, maxLength: Int64) -> FieldError {
        let detail = maxLength >= 0 ? "may not be longer than \(maxLength)" : "value is too long"
        return FieldError(type: .tooLong, field: field, badValue: value, detail: detail)
    }

    public static func tooMany(_ field: String, actual: Int64, max: Int64) -> FieldError {
        let detail = max >= 0 ? "must have at most \(max) items" : "has too many items"
        return FieldError(type: .tooMany, field: field, badValue: actual >= 0 ? .integer(actual) : nil, detail: detail)
    }

    public static func internalError(_ field: String, detail: String) -> FieldError {
        FieldError(type: .internalError, field: field, badValue: nil, detail: detail)
    }
}
