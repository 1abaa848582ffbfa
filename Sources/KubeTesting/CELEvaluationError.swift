/// Why evaluating a rule failed, worded as cel-go words it (`no such key: replicas`, `division by zero`).
enum CELEvaluationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Operands of kinds no overload accepts, possible only where the checker saw `dyn`.
    case noSuchOverload
    case message(String)

    var description: String {
        switch self {
        case .noSuchOverload: "no such overload"
        case .message(let text): text
        }
    }
}
