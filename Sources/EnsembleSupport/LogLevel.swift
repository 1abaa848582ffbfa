import Foundation

/// How important a log record is, from the most verbose (`trace`) to the most severe (`critical`).
public enum LogLevel: String, CaseIterable, Sendable, Hashable, Codable {
    case trace, debug, info, notice, warning, error, critical

    /// Reads a level as given to `--log-level`: any letter case, with `warn` accepted for `warning`.
    public init?(parsing text: String) {
        let name = text.trimmingCharacters(in: .whitespaces).lowercased()
        if name == "warn" {
            self = .warning
        } else if let level = LogLevel(rawValue: name) {
            self = level
        } else {
            return nil
        }
    }

    private var severity: Int {
        switch self {
        case .trace: 0
        case .debug: 1
        case .info: 2
        case .notice: 3
        case .warning: 4
        case .error: 5
        case .critical: 6
        }
    }
}

extension LogLevel: Comparable {
    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool {
        lhs.severity < rhs.severity
    }
}

extension LogLevel: CustomStringConvertible {
    public var description: String { rawValue }
}
