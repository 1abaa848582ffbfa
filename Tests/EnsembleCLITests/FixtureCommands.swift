import EnsembleCLI

/// A command tree exercising every kind of declaration the parser supports.
enum FixtureCommands {
    static let succeed: Command.Action = { _ in .success }

    static let serve = Command(
        name: "serve",
        summary: "Serve things.",
        discussion: "Serves things until stopped.",
        options: [
            .string("listen", short: "l", valueName: "address", help: "Address to listen on.", default: ":8080", environment: "FIXTURE_LISTEN"),
            .int("workers", help: "Worker count.", default: 4, environment: "FIXTURE_WORKERS"),
            .duration("timeout", help: "Request timeout.", default: .seconds(30), environment: "FIXTURE_TIMEOUT"),
            .flag("verbose", short: "v", help: "Log more.", environment: "FIXTURE_VERBOSE"),
            .flag("probes", help: "Serve probes.", default: true),
            .string("label", valueName: "key=value", help: "Label to add.", environment: "FIXTURE_LABELS", repeatable: true),
            .string("format", help: "Output format.", default: "text", allowed: ["text", "json"]),
        ],
        action: succeed)

    static let render = Command(
        name: "render",
        summary: "Render files.",
        options: [.string("namespace", help: "Namespace to render into.", required: true)],
        arguments: [CommandArgument("file", help: "Files to render.", repeatable: true)],
        action: succeed)

    static let copy = Command(
        name: "copy",
        summary: "Copy a file.",
        arguments: [CommandArgument("source", help: "From."), CommandArgument("destination", help: "To.", optional: true)],
        action: succeed)

    static let dev = Command(
        name: "dev",
        summary: "Development tools.",
        subcommands: [
            Command(
                name: "apiserver", summary: "Run the emulated API server.",
                options: [.int("port", help: "Port to listen on.", default: 6443)], action: succeed),
        ])

    static let root = Command(name: "ensemble", summary: "Test root.", subcommands: [serve, render, copy, dev])

    static func parse(_ arguments: [String], environment: [String: String] = [:]) -> ParseOutcome {
        CommandLineParser(root: root).parse(arguments, environment: environment)
    }
}

extension ParseOutcome {
    var parsed: ParsedCommand? {
        if case .run(let parsed) = self { parsed } else { nil }
    }

    var values: ParsedValues? { parsed?.values }

    var error: UsageError? {
        if case .failure(let error) = self { error } else { nil }
    }

    var helpPath: [String]? {
        if case .help(_, let path) = self { path } else { nil }
    }
}
