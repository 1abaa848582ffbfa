/// A rule relating several fields of one object, written twice in one place: as CEL for the API server and as a
/// Swift predicate for the controller, which re-checks objects stored before the rule existed.
public struct CrossFieldRule<Subject>: Sendable {
    public let validation: ValidationRule
    private let predicate: @Sendable (Subject) -> Bool

    public init(
        cel: String, message: String, fieldPath: String? = nil, reason: ValidationRule.Reason? = nil,
        holds predicate: @escaping @Sendable (Subject) -> Bool
    ) {
        validation = ValidationRule(rule: cel, message: message, fieldPath: fieldPath, reason: reason)
        self.predicate = predicate
    }

    public func holds(for subject: Subject) -> Bool {
        predicate(subject)
    }

    /// The error the API server would report for `subject` at `path`, or nil when the rule holds. Like the API
    /// server, it shows no value: the rule's subject is an object.
    public func violation(by subject: Subject, at path: FieldPath) -> ValidationError? {
        guard !predicate(subject) else { return nil }
        let field = validation.fieldPath.map(path.appending(relative:)) ?? path
        let kind: ValidationError.Kind =
            switch validation.reason {
            case .fieldValueForbidden: .forbidden
            case .fieldValueRequired: .required
            case .fieldValueDuplicate: .duplicate
            case .fieldValueInvalid, nil: .invalid
            }
        return ValidationError(kind, at: field, validation.message)
    }
}

extension Array {
    /// Every violation of these rules by `subject` at `path`.
    public func violations<Subject>(by subject: Subject, at path: FieldPath) -> [ValidationError]
    where Element == CrossFieldRule<Subject> {
        compactMap { $0.violation(by: subject, at: path) }
    }
}
