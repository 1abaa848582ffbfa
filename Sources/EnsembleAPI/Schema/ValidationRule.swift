/// A CEL rule of `x-kubernetes-validations`: `rule` must hold for the node it is attached to (`self`).
public struct ValidationRule: Sendable, Hashable {
    public var rule: String
    public var message: String
    /// Where the API server reports a violation, relative to the node (for example `.agents`).
    public var fieldPath: String?
    /// The API server's error type: `FieldValueInvalid` unless set.
    public var reason: Reason?

    public enum Reason: String, Sendable, Hashable {
        case fieldValueInvalid = "FieldValueInvalid"
        case fieldValueForbidden = "FieldValueForbidden"
        case fieldValueRequired = "FieldValueRequired"
        case fieldValueDuplicate = "FieldValueDuplicate"
    }

    public init(rule: String, message: String, fieldPath: String? = nil, reason: Reason? = nil) {
        self.rule = rule
        self.message = message
        self.fieldPath = fieldPath
        self.reason = reason
    }
}
