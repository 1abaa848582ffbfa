import EnsembleCLI
import Testing

@Suite struct HelpFormatterTests {
    private func help(_ arguments: [String]) throws -> String {
        let outcome = FixtureCommands.parse(arguments)
        guard case .help(let command, let path) = outcome else {
            Issue.record("expected help for \(arguments)")
            return ""
        }
        return HelpFormatter.render(command, path: path)
    }

    @Test func commandHelpListsOptionsWithDefaultsAndEnvironment() throws {
        let text = try help(["serve", "--help"])
        #expect(text.hasPrefix("ensemble serve - Serve things.\n\nUSAGE\n  ensemble serve [options]\n"))
        #expect(text.contains("Serves things until stopped."))
        #expect(text.contains("OPTIONS\n"))
        #expect(text.contains("-l, --listen <address>"))
        #expect(text.contains("Address to listen on. (default: :8080; env: FIXTURE_LISTEN)"))
        #expect(text.contains("--workers <n>"))
        #expect(text.contains("Worker count. (default: 4; env: FIXTURE_WORKERS)"))
        #expect(text.contains("--timeout <duration>"))
        #expect(text.contains("(default: 30s; env: FIXTURE_TIMEOUT)"))
        #expect(text.contains("Log more. (env: FIXTURE_VERBOSE)"), "a false flag default goes without saying")
        #expect(text.contains("Serve probes. (default: true)"))
        #expect(text.contains("--label <key=value>"))
        #expect(text.contains("(repeatable; env: FIXTURE_LABELS)"))
        #expect(text.contains("(one of: text, json; default: text)"))
        #expect(text.contains("-h, --help"))
        #expect(!text.contains("SUBCOMMANDS"))
    }

    @Test func groupHelpListsSubcommandsWithSummaries() throws {
        let text = try help([])
        #expect(text.contains("USAGE\n  ensemble <subcommand>\n"))
        #expect(text.contains("SUBCOMMANDS\n"))
        #expect(text.contains("serve    Serve things."))
        #expect(text.contains("render   Render files."))
        #expect(text.contains("dev      Development tools."))
        #expect(text.contains("Run 'ensemble <subcommand> --help' for more about a subcommand."))

        let nested = try help(["dev"])
        #expect(nested.contains("apiserver   Run the emulated API server."))
        #expect(nested.contains("Run 'ensemble dev <subcommand> --help'"))
    }

    @Test func argumentsAndRequiredOptionsAreShown() throws {
        let render = try help(["render", "-h"])
        #expect(render.contains("USAGE\n  ensemble render [options] <file>...\n"))
        #expect(render.contains("ARGUMENTS\n  <file>...   Files to render."))
        #expect(render.contains("--namespace <value>   Namespace to render into. (required)"))

        let copy = try help(["copy", "-h"])
        #expect(copy.contains("ensemble copy <source> [<destination>]"))
    }

    @Test func helpSectionsComeInOrder() throws {
        let text = try help(["dev", "--help"])
        let usage = try #require(text.range(of: "USAGE"))
        let subcommands = try #require(text.range(of: "SUBCOMMANDS"))
        let options = try #require(text.range(of: "OPTIONS"))
        #expect(usage.lowerBound < subcommands.lowerBound)
        #expect(subcommands.lowerBound < options.lowerBound)
    }
}
