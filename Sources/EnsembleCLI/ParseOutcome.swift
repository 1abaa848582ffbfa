/// What a command line asks for: to run a command, to see help, or nothing valid.
public enum ParseOutcome: Sendable {
    case run(ParsedCommand)
    /// Help for the command at `path`, asked for with `--help`/`-h` or by invoking a group alone.
    case help(Command, path: [String])
    case failure(UsageError)
}

/// A command line resolved to one command and its values.
public struct ParsedCommand: Sendable {
    public let command: Command
    /// The command names from `ensemble` down to `command`.
    public let path: [String]
    public let values: ParsedValues
}
