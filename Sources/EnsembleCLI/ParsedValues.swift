/// The option and argument values of a parsed command line, with environment fallbacks and defaults applied.
///
/// Asking for a name the command did not declare is a programming error and stops the process.
public struct ParsedValues: Sendable, Hashable {
    private let options: [String: [OptionValue]]
    private let arguments: [String: [String]]
    private let declaredOptions: Set<String>
    private let declaredArguments: Set<String>

    init(options: [String: [OptionValue]], arguments: [String: [String]], declaredOptions: Set<String>, declaredArguments: Set<String>) {
        self.options = options
        self.arguments = arguments
        self.declaredOptions = declaredOptions
        self.declaredArguments = declaredArguments
    }

    /// Every value of the option, in command-line order; empty when it has neither a value nor a default.
    public func values(_ option: String) -> [OptionValue] {
        precondition(declaredOptions.contains(option), "option --\(option) is not declared by this command")
        return options[option] ?? []
    }

    public func string(_ option: String) -> String? {
        strings(option).last
    }

    public func strings(_ option: String) -> [String] {
        values(option).compactMap { if case .string(let text) = $0 { text } else { nil } }
    }

    public func int(_ option: String) -> Int? {
        ints(option).last
    }

    public func ints(_ option: String) -> [Int] {
        values(option).compactMap { if case .int(let number) = $0 { number } else { nil } }
    }

    public func duration(_ option: String) -> Duration? {
        durations(option).last
    }

    public func durations(_ option: String) -> [Duration] {
        values(option).compactMap { if case .duration(let duration) = $0 { duration } else { nil } }
    }

    public func flag(_ option: String) -> Bool {
        values(option).compactMap { if case .bool(let flag) = $0 { flag } else { nil } }.last ?? false
    }

    public func argument(_ name: String) -> String? {
        arguments(name).first
    }

    public func arguments(_ name: String) -> [String] {
        precondition(declaredArguments.contains(name), "argument <\(name)> is not declared by this command")
        return arguments[name] ?? []
    }
}
