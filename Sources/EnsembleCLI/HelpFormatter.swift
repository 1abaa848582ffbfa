/// Renders a command's `--help` text: summary, USAGE, discussion, ARGUMENTS, SUBCOMMANDS, OPTIONS.
public enum HelpFormatter {
    public static func render(_ command: Command, path: [String]) -> String {
        let invocation = path.joined(separator: " ")
        var sections: [String] = ["\(invocation) - \(command.summary)"]
        sections.append("USAGE\n  " + usageLine(command, invocation: invocation))
        if !command.discussion.isEmpty {
            sections.append(command.discussion)
        }
        if !command.arguments.isEmpty {
            sections.append("ARGUMENTS\n" + table(command.arguments.map { ($0.usageText, $0.help) }))
        }
        if !command.subcommands.isEmpty {
            sections.append("SUBCOMMANDS\n" + table(command.subcommands.map { ($0.name, $0.summary) }))
        }
        let helpRow = ("-h, --help", "Show this help.")
        sections.append("OPTIONS\n" + table(command.options.map(optionRow) + [helpRow]))
        if !command.subcommands.isEmpty {
            sections.append("Run '\(invocation) <subcommand> --help' for more about a subcommand.")
        }
        return sections.joined(separator: "\n\n")
    }

    private static func usageLine(_ command: Command, invocation: String) -> String {
        var words = [invocation]
        if !command.options.isEmpty {
            words.append("[options]")
        }
        if !command.subcommands.isEmpty {
            words.append(command.action == nil ? "<subcommand>" : "[<subcommand>]")
        }
        words += command.arguments.map(\.usageText)
        return words.joined(separator: " ")
    }

    private static func optionRow(_ option: CommandOption) -> (String, String) {
        let short = option.shortName.map { "-\($0), " } ?? "    "
        let placeholder = option.kind == .flag ? "" : " <\(option.valueName)>"
        var notes: [String] = []
        if option.isRequired {
            notes.append("required")
        }
        if option.isRepeatable {
            notes.append("repeatable")
        }
        if !option.allowedValues.isEmpty {
            notes.append("one of: " + option.allowedValues.joined(separator: ", "))
        }
        let shownDefaults = option.defaultValues.filter { $0 != .bool(false) }
        if !shownDefaults.isEmpty {
            notes.append("default: " + shownDefaults.map(\.commandLineText).joined(separator: ", "))
        }
        if let variable = option.environmentVariable {
            notes.append("env: " + variable)
        }
        let description = notes.isEmpty ? option.help : "\(option.help) (\(notes.joined(separator: "; ")))"
        return (short + option.spelling + placeholder, description)
    }

    /// Two aligned columns, indented by two spaces.
    private static func table(_ rows: [(String, String)]) -> String {
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { left, right in
            "  " + left + String(repeating: " ", count: width - left.count + 3) + right
        }.joined(separator: "\n")
    }
}
