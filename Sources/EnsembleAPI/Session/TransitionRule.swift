/// A CEL transition rule (one using `oldSelf`) with its Swift twin: it relates an object to its previous version,
/// so the API server checks it on updates only.
public struct TransitionRule<Subject>: Sendable {
    public let validation: ValidationRule
    private let predicate: @Sendable (_ old: Subject, _ new: Subject) -> Bool

    public init(
        cel: String, message: String, fieldPath: String? = nil, reason: ValidationRule.Reason? = nil,
        holds predicate: @escaping @Sendable (_ old: Subject, _ new: Subject) -> Bool
    ) {
        validation = ValidationRule(rule: cel, message: message, fieldPath: fieldPath, reason: reason)
        self.predicate = predicate
    }

    public func violation(from old: Subject, to new: Subject, at path: FieldPath) -> ValidationError? {
        guard !predicate(old, new) else { return nil }
        return ValidationError(.invalid, at: validation.fieldPath.map(path.appending(relative:)) ?? path, validation.message)
    }
}

extension Schema {
    public func validated<Subject>(by rules: [TransitionRule<Subject>]) -> Schema {
        validated(by: rules.map(\.validation))
    }
}
