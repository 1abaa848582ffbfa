/// An option a command accepts: `--name value`, `--name=value`, or for flags `--name` and `--name=false`.
///
/// A value that is missing from the command line comes from the environment variable when one is named and set
/// (comma-separated for repeatable options), else from the default. Given twice, a non-repeatable option keeps
/// the last value, so wrapper scripts can append overrides.
public struct CommandOption: Sendable {
    public enum Kind: Sendable, Hashable {
        case string
        case int
        /// `30s`, `5m`, `1h30m`: see `DurationSyntax`.
        case duration
        /// Takes no separate value; `--name=true|false` sets it explicitly.
        case flag
    }

    public let name: String
    public let shortName: Character?
    public let kind: Kind
    public let help: String
    /// The placeholder help shows for the value, such as `path` in `--kubeconfig <path>`.
    public let valueName: String
    public let defaultValues: [OptionValue]
    public let environmentVariable: String?
    /// When not empty, the only values a string option accepts.
    public let allowedValues: [String]
    public let isRepeatable: Bool
    public let isRequired: Bool

    public var spelling: String { "--" + name }

    public static func string(
        _ name: String, short: Character? = nil, valueName: String = "value", help: String,
        default defaultValue: String? = nil, environment: String? = nil, allowed: [String] = [],
        repeatable: Bool = false, required: Bool = false
    ) -> CommandOption {
        CommandOption(
            name: name, shortName: short, kind: .string, help: help, valueName: valueName,
            defaultValues: defaultValue.map { [.string($0)] } ?? [], environmentVariable: environment,
            allowedValues: allowed, isRepeatable: repeatable, isRequired: required)
    }

    public static func int(
        _ name: String, short: Character? = nil, valueName: String = "n", help: String,
        default defaultValue: Int? = nil, environment: String? = nil, repeatable: Bool = false, required: Bool = false
    ) -> CommandOption {
        CommandOption(
            name: name, shortName: short, kind: .int, help: help, valueName: valueName,
            defaultValues: defaultValue.map { [.int($0)] } ?? [], environmentVariable: environment,
            allowedValues: [], isRepeatable: repeatable, isRequired: required)
    }

    public static func duration(
        _ name: String, short: Character? = nil, valueName: String = "duration", help: String,
        default defaultValue: Duration? = nil, environment: String? = nil, repeatable: Bool = false, required: Bool = false
    ) -> CommandOption {
        CommandOption(
            name: name, shortName: short, kind: .duration, help: help, valueName: valueName,
            defaultValues: defaultValue.map { [.duration($0)] } ?? [], environmentVariable: environment,
            allowedValues: [], isRepeatable: repeatable, isRequired: required)
    }

    public static func flag(
        _ name: String, short: Character? = nil, help: String, default defaultValue: Bool = false, environment: String? = nil
    ) -> CommandOption {
        CommandOption(
            name: name, shortName: short, kind: .flag, help: help, valueName: "",
            defaultValues: [.bool(defaultValue)], environmentVariable: environment,
            allowedValues: [], isRepeatable: false, isRequired: false)
    }
}

extension CommandOption {
    /// What a value of this option must look like, as error messages say it.
    var expectation: String {
        switch kind {
        case .string: return allowedValues.isEmpty ? "a string" : "one of " + allowedValues.joined(separator: ", ")
        case .int: return "an integer"
        case .duration: return "a duration such as 30s, 5m or 1h30m"
        case .flag: return "true or false"
        }
    }

    /// The typed value `text` stands for, or nil when it is not a valid value of this option.
    func value(from text: String) -> OptionValue? {
        switch kind {
        case .string:
            return allowedValues.isEmpty || allowedValues.contains(text) ? .string(text) : nil
        case .int:
            return Int(text).map(OptionValue.int)
        case .duration:
            return DurationSyntax.parse(text).map(OptionValue.duration)
        case .flag:
            switch text.lowercased() {
            case "true", "1": return .bool(true)
            case "false", "0": return .bool(false)
            default: return nil
            }
        }
    }
}
