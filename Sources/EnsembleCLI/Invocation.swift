/// What a command's action receives: the values parsed for it and where to write.
public struct Invocation: Sendable {
    /// The command names from `ensemble` down to the invoked command.
    public let commandPath: [String]
    public let values: ParsedValues
    public let environment: [String: String]
    public let console: Console
    /// The invoked command's `--help` text.
    public let helpText: String

    public init(commandPath: [String], values: ParsedValues, environment: [String: String], console: Console, helpText: String) {
        self.commandPath = commandPath
        self.values = values
        self.environment = environment
        self.console = console
        self.helpText = helpText
    }

    /// An error for a command line the parser accepted but the command cannot use (options that conflict, say);
    /// thrown from an action, it exits with code 2 and points at this command's help.
    public func usageError(_ message: String) -> UsageError {
        UsageError(.invalidCombination(message), commandPath: commandPath)
    }
}
