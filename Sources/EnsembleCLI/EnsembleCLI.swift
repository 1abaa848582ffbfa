import Foundation

/// The `ensemble` command line: the command tree and the entry point `main.swift` calls.
///
/// Exit codes: 0 success (including `--help` and a command group invoked alone, which prints its help),
/// 1 a command failed, 2 the command line is wrong (one line on stderr naming the problem and the help to read).
public enum EnsembleCLI {
    /// The subcommands of `ensemble`, in the order help lists them. A new subcommand is one more entry here.
    static let subcommands: [Command] = [
        VersionCommand.command,
        CRDsCommand.command,
        DevCommand.command,
        ControllerCommand.command,
    ]

    public static let rootCommand = Command(
        name: "ensemble",
        summary: "Run teams of LLM agents on Kubernetes.",
        discussion: """
            One binary, one subcommand per role. Without a subcommand, prints this help.
            """,
        options: [
            .flag("version", help: "Print the version and exit."),
        ],
        subcommands: subcommands,
        action: { invocation in
            let text = invocation.values.flag("version") ? BuildInfo.current.text : invocation.helpText
            invocation.console.printOutput(text)
            return .success
        })

    /// Parses `arguments` (without the program name), runs the selected command and returns the exit code.
    public static func main(
        arguments: [String],
        environment: [String: String] = ProcessInfo.processInfo.environment,
        console: Console = .standard
    ) async -> Int32 {
        await run(root: rootCommand, arguments: arguments, environment: environment, console: console).rawValue
    }

    /// Runs any command tree the way `ensemble` runs its own; exposed for tests of the exit-code conventions.
    public static func run(root: Command, arguments: [String], environment: [String: String], console: Console) async -> ExitCode {
        switch CommandLineParser(root: root).parse(arguments, environment: environment) {
        case .help(let command, let path):
            console.printOutput(HelpFormatter.render(command, path: path))
            return .success
        case .failure(let error):
            console.printError(error.description)
            return .usage
        case .run(let parsed):
            guard let action = parsed.command.action else {
                console.printOutput(HelpFormatter.render(parsed.command, path: parsed.path))
                return .success
            }
            let invocation = Invocation(
                commandPath: parsed.path, values: parsed.values, environment: environment, console: console,
                helpText: HelpFormatter.render(parsed.command, path: parsed.path))
            do {
                return try await action(invocation)
            } catch let error as UsageError {
                console.printError(error.description)
                return .usage
            } catch {
                console.printError("error: \(error)")
                return .failure
            }
        }
    }
}
