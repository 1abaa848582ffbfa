import Foundation

/// Resolves command-line arguments against a command tree. Pure: the environment comes in as a value.
///
/// Tokens are read left to right. The first positional token of a command with subcommands selects the subcommand;
/// options belong to the command selected when they appear. `--` ends options. `--help` or `-h` anywhere before `--`
/// wins over every other mistake on the line. An option's value is the next token unless that token looks like an
/// option (`-x`, `--x`; negative numbers are values), so values starting with `-` are written `--name=-value`.
public struct CommandLineParser: Sendable {
    public let root: Command

    public init(root: Command) {
        self.root = root
    }

    public func parse(_ arguments: [String], environment: [String: String] = [:]) -> ParseOutcome {
        var command = root
        var path = [root.name]
        var explicitValues: [String: [OptionValue]] = [:]
        var positionals: [String] = []
        var index = 0

        func failure(_ problem: UsageError.Problem) -> ParseOutcome {
            let helpFollows = arguments[index...].prefix(while: { $0 != "--" }).contains(where: Self.isHelpRequest)
            return helpFollows ? .help(command, path: path) : .failure(UsageError(problem, commandPath: path))
        }

        while index < arguments.count {
            let token = arguments[index]
            if token == "--" {
                positionals.append(contentsOf: arguments[(index + 1)...])
                break
            }
            if Self.isHelpRequest(token) {
                return .help(command, path: path)
            }
            if Self.looksLikeOption(token) {
                let (spelling, inlineValue) = Self.splitInlineValue(token)
                guard let option = command.option(spelled: spelling) else {
                    return failure(.unknownOption(spelling))
                }
                let text: String
                if let inlineValue {
                    text = inlineValue
                } else if option.kind == .flag {
                    text = "true"
                } else if index + 1 < arguments.count, arguments[index + 1] != "--", !Self.looksLikeOption(arguments[index + 1]) {
                    index += 1
                    text = arguments[index]
                } else {
                    return failure(.missingValue(option: spelling))
                }
                guard let value = option.value(from: text) else {
                    return failure(.invalidValue(text, source: "'\(spelling)'", expected: option.expectation))
                }
                if option.isRepeatable {
                    explicitValues[option.name, default: []].append(value)
                } else {
                    explicitValues[option.name] = [value]
                }
            } else if !command.subcommands.isEmpty {
                guard let subcommand = command.subcommand(named: token) else {
                    return failure(.unknownSubcommand(token))
                }
                command = subcommand
                path.append(subcommand.name)
                explicitValues = [:]
            } else {
                positionals.append(token)
            }
            index += 1
        }

        guard command.action != nil else {
            return .help(command, path: path)
        }
        switch resolve(command: command, path: path, explicitValues: explicitValues, positionals: positionals, environment: environment) {
        case .success(let values):
            return .run(ParsedCommand(command: command, path: path, values: values))
        case .failure(let error):
            return .failure(error)
        }
    }

    /// Applies environment fallbacks and defaults, checks required options and assigns positional arguments.
    private func resolve(
        command: Command, path: [String], explicitValues: [String: [OptionValue]], positionals: [String],
        environment: [String: String]
    ) -> Result<ParsedValues, UsageError> {
        func failure(_ problem: UsageError.Problem) -> Result<ParsedValues, UsageError> {
            .failure(UsageError(problem, commandPath: path))
        }

        var optionValues = explicitValues
        for option in command.options where optionValues[option.name] == nil {
            if let variable = option.environmentVariable, let text = environment[variable], !text.isEmpty {
                let texts = option.isRepeatable
                    ? text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                    : [text]
                var values: [OptionValue] = []
                for text in texts {
                    guard let value = option.value(from: text) else {
                        return failure(.invalidValue(text, source: "\(variable) (\(option.spelling))", expected: option.expectation))
                    }
                    values.append(value)
                }
                optionValues[option.name] = values
            } else if option.isRequired {
                return failure(.missingRequiredOption(option.spelling))
            } else if !option.defaultValues.isEmpty {
                optionValues[option.name] = option.defaultValues
            }
        }

        var argumentValues: [String: [String]] = [:]
        var unassigned = positionals[...]
        for argument in command.arguments {
            let taken = argument.isRepeatable ? unassigned : unassigned.prefix(1)
            if taken.isEmpty && !argument.isOptional {
                return failure(.missingArgument(argument.name))
            }
            argumentValues[argument.name] = Array(taken)
            unassigned = unassigned.dropFirst(taken.count)
        }
        if let extra = unassigned.first {
            return failure(.unexpectedArgument(extra))
        }

        return .success(ParsedValues(
            options: optionValues, arguments: argumentValues,
            declaredOptions: Set(command.options.map(\.name)), declaredArguments: Set(command.arguments.map(\.name))))
    }

    static func isHelpRequest(_ token: String) -> Bool {
        token == "--help" || token == "-h"
    }

    /// `-x` and `--x` are options; `-`, `-1` and `-.5` are values.
    static func looksLikeOption(_ token: String) -> Bool {
        guard token.hasPrefix("-"), token.count > 1 else { return false }
        let second = token[token.index(after: token.startIndex)]
        return !(second.isNumber || second == ".")
    }

    /// `--name=value` → (`--name`, `value`); `--name` → (`--name`, nil).
    static func splitInlineValue(_ token: String) -> (spelling: String, value: String?) {
        guard let equals = token.firstIndex(of: "=") else { return (token, nil) }
        return (String(token[..<equals]), String(token[token.index(after: equals)...]))
    }
}
