/// Whether a condition holds.
public enum ConditionStatus: String, Codable, Sendable, Hashable, CaseIterable {
    case `true` = "True"
    case `false` = "False"
    case unknown = "Unknown"
}
