/// A command line `ensemble` cannot accept. Its description is one line naming the culprit and the help to read.
public struct UsageError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Problem: Sendable, Hashable {
        case unknownOption(String)
        case missingValue(option: String)
        /// `source` names where the value came from: an option such as `--output`, or an environment variable.
        case invalidValue(String, source: String, expected: String)
        case unknownSubcommand(String)
        case unexpectedArgument(String)
        case missingArgument(String)
        case missingRequiredOption(String)
        case invalidCombination(String)
    }

    public let problem: Problem
    /// The command names from `ensemble` down to the command whose help explains the mistake.
    public let commandPath: [String]

    public init(_ problem: Problem, commandPath: [String]) {
        self.problem = problem
        self.commandPath = commandPath
    }

    public var message: String {
        switch problem {
        case .unknownOption(let spelling):
            return "unknown option '\(spelling)'"
        case .missingValue(let option):
            return "option '\(option)' needs a value"
        case .invalidValue(let value, let source, let expected):
            return "invalid value '\(value)' for \(source): expected \(expected)"
        case .unknownSubcommand(let name):
            return "unknown subcommand '\(name)' for '\(commandPath.joined(separator: " "))'"
        case .unexpectedArgument(let argument):
            return "unexpected argument '\(argument)'"
        case .missingArgument(let name):
            return "missing argument <\(name)>"
        case .missingRequiredOption(let option):
            return "missing required option '\(option)'"
        case .invalidCombination(let message):
            return message
        }
    }

    public var description: String {
        "error: \(message); see '\(commandPath.joined(separator: " ")) --help'"
    }
}
