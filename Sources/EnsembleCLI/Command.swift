/// A command of the `ensemble` tree, declared as a value: what help prints, what the parser accepts, what runs.
///
/// A command with subcommands and no action is a group: invoked alone it prints its help.
public struct Command: Sendable {
    public typealias Action = @Sendable (Invocation) async throws -> ExitCode

    public let name: String
    /// One line, shown in the parent's SUBCOMMANDS list and at the top of this command's help.
    public let summary: String
    /// Paragraphs shown in this command's help below its usage.
    public let discussion: String
    public let options: [CommandOption]
    public let arguments: [CommandArgument]
    public let subcommands: [Command]
    public let action: Action?

    public init(
        name: String, summary: String, discussion: String = "", options: [CommandOption] = [],
        arguments: [CommandArgument] = [], subcommands: [Command] = [], action: Action? = nil
    ) {
        self.name = name
        self.summary = summary
        self.discussion = discussion
        self.options = options
        self.arguments = arguments
        self.subcommands = subcommands
        self.action = action
    }

    func subcommand(named name: String) -> Command? {
        subcommands.first { $0.name == name }
    }

    /// The option a command-line token such as `--output` or `-o` names.
    func option(spelled spelling: String) -> CommandOption? {
        options.first { $0.spelling == spelling || $0.shortName.map { "-\($0)" } == spelling }
    }
}

extension Command {
    /// Mistakes in the declaration of this command and its subcommands, each naming the command; empty when sound.
    public func declarationProblems(path: [String] = []) -> [String] {
        let path = path + [name]
        let where_ = "'\(path.joined(separator: " "))'"
        var problems: [String] = []
        let reserved: Set<String> = ["help"]
        let optionNames = options.map(\.name)
        for duplicate in Set(optionNames.filter { name in optionNames.filter { $0 == name }.count > 1 }) {
            problems.append("\(where_) declares option --\(duplicate) more than once")
        }
        for option in options where reserved.contains(option.name) || option.shortName == "h" {
            problems.append("\(where_) redeclares the help option with --\(option.name)")
        }
        let shortNames = options.compactMap(\.shortName)
        for duplicate in Set(shortNames.filter { short in shortNames.filter { $0 == short }.count > 1 }) {
            problems.append("\(where_) declares short option -\(duplicate) more than once")
        }
        for option in options where option.isRequired && !option.defaultValues.isEmpty {
            problems.append("\(where_) declares required option --\(option.name) with a default")
        }
        for option in options where !option.allowedValues.isEmpty {
            for value in option.defaultValues where !option.allowedValues.contains(value.commandLineText) {
                problems.append("\(where_) gives --\(option.name) a default outside its allowed values")
            }
        }
        if !subcommands.isEmpty && !arguments.isEmpty {
            problems.append("\(where_) has both subcommands and positional arguments")
        }
        if arguments.dropLast().contains(where: { $0.isRepeatable || $0.isOptional }) {
            problems.append("\(where_) has an optional or repeatable positional argument before the last")
        }
        if subcommands.isEmpty && action == nil {
            problems.append("\(where_) has neither subcommands nor an action")
        }
        let subcommandNames = subcommands.map(\.name)
        for duplicate in Set(subcommandNames.filter { name in subcommandNames.filter { $0 == name }.count > 1 }) {
            problems.append("\(where_) declares subcommand '\(duplicate)' more than once")
        }
        return problems + subcommands.flatMap { $0.declarationProblems(path: path) }
    }
}
