import EnsembleCLI
import Testing

@Suite struct CommandLineParserTests {
    @Test func defaultsApplyWhenNothingIsGiven() throws {
        let values = try #require(FixtureCommands.parse(["serve"]).values)
        #expect(values.string("listen") == ":8080")
        #expect(values.int("workers") == 4)
        #expect(values.duration("timeout") == .seconds(30))
        #expect(values.flag("verbose") == false)
        #expect(values.flag("probes") == true)
        #expect(values.strings("label") == [])
        #expect(values.string("format") == "text")
    }

    @Test(arguments: [
        ["serve", "--listen", ":9000"],
        ["serve", "--listen=:9000"],
        ["serve", "-l", ":9000"],
        ["serve", "-l=:9000"],
    ])
    func optionValuesAreReadInEverySpelling(arguments: [String]) throws {
        let values = try #require(FixtureCommands.parse(arguments).values)
        #expect(values.string("listen") == ":9000")
    }

    @Test func typedValuesAreParsed() throws {
        let values = try #require(FixtureCommands.parse(["serve", "--workers", "-3", "--timeout", "1h30m", "--format=json"]).values)
        #expect(values.int("workers") == -3)
        #expect(values.duration("timeout") == .seconds(5400))
        #expect(values.string("format") == "json")
    }

    @Test func boolFlagsTakeNoSeparateValue() throws {
        #expect(FixtureCommands.parse(["serve", "--verbose"]).values?.flag("verbose") == true)
        #expect(FixtureCommands.parse(["serve", "-v"]).values?.flag("verbose") == true)
        #expect(FixtureCommands.parse(["serve", "--verbose=false"]).values?.flag("verbose") == false)
        #expect(FixtureCommands.parse(["serve", "--probes=false"]).values?.flag("probes") == false)
        #expect(FixtureCommands.parse(["serve", "--probes=FALSE"]).values?.flag("probes") == false)
        #expect(FixtureCommands.parse(["serve", "--verbose", "false"]).error?.problem == .unexpectedArgument("false"))
    }

    @Test func repeatableOptionsCollectEveryValueAndOthersKeepTheLast() throws {
        let values = try #require(FixtureCommands.parse(["serve", "--label", "a=1", "--label=b=2", "--workers", "2", "--workers", "3"]).values)
        #expect(values.strings("label") == ["a=1", "b=2"])
        #expect(values.int("workers") == 3)
        #expect(values.ints("workers") == [3])
    }

    @Test func environmentFillsOptionsTheCommandLineLeftOut() throws {
        let environment = ["FIXTURE_WORKERS": "8", "FIXTURE_TIMEOUT": "5m", "FIXTURE_VERBOSE": "true", "FIXTURE_LABELS": "a=1, b=2", "FIXTURE_LISTEN": ""]
        let values = try #require(FixtureCommands.parse(["serve"], environment: environment).values)
        #expect(values.int("workers") == 8)
        #expect(values.duration("timeout") == .seconds(300))
        #expect(values.flag("verbose") == true)
        #expect(values.strings("label") == ["a=1", "b=2"])
        #expect(values.string("listen") == ":8080", "an empty variable counts as unset")
    }

    @Test func commandLineWinsOverEnvironment() throws {
        let values = try #require(FixtureCommands.parse(["serve", "--workers=2"], environment: ["FIXTURE_WORKERS": "8"]).values)
        #expect(values.int("workers") == 2)
    }

    @Test func badEnvironmentValueNamesTheVariableAndTheOption() throws {
        let error = try #require(FixtureCommands.parse(["serve"], environment: ["FIXTURE_TIMEOUT": "soon"]).error)
        #expect(error.problem == .invalidValue("soon", source: "FIXTURE_TIMEOUT (--timeout)", expected: "a duration such as 30s, 5m or 1h30m"))
        #expect(error.commandPath == ["ensemble", "serve"])
    }

    @Test func subcommandsNest() throws {
        let parsed = try #require(FixtureCommands.parse(["dev", "apiserver", "--port", "7000"]).parsed)
        #expect(parsed.path == ["ensemble", "dev", "apiserver"])
        #expect(parsed.command.name == "apiserver")
        #expect(parsed.values.int("port") == 7000)
    }

    @Test func positionalArgumentsAreAssignedInOrder() throws {
        let render = try #require(FixtureCommands.parse(["render", "a.yaml", "--namespace", "team", "b.yaml"]).values)
        #expect(render.arguments("file") == ["a.yaml", "b.yaml"])
        #expect(render.string("namespace") == "team")

        let copy = try #require(FixtureCommands.parse(["copy", "from"]).values)
        #expect(copy.argument("source") == "from")
        #expect(copy.argument("destination") == nil)
    }

    @Test func doubleDashEndsOptions() throws {
        let values = try #require(FixtureCommands.parse(["render", "--namespace", "team", "--", "--help", "-v"]).values)
        #expect(values.arguments("file") == ["--help", "-v"])
    }

    @Test(arguments: [
        (["serve", "--help"], ["ensemble", "serve"]),
        (["serve", "-h"], ["ensemble", "serve"]),
        (["--help"], ["ensemble"]),
        ([], ["ensemble"]),
        (["dev"], ["ensemble", "dev"]),
        (["dev", "apiserver", "-h"], ["ensemble", "dev", "apiserver"]),
        (["serve", "--bogus", "--help"], ["ensemble", "serve"]),
        (["serve", "--workers", "--help"], ["ensemble", "serve"]),
        (["render", "--help"], ["ensemble", "render"]),
    ])
    func helpIsShownAtEveryLevelAndWinsOverMistakes(arguments: [String], path: [String]) {
        #expect(FixtureCommands.parse(arguments).helpPath == path)
    }

    @Test(arguments: [
        (["--bogus"], UsageError.Problem.unknownOption("--bogus"), ["ensemble"], "--bogus"),
        (["serve", "--bogus=1"], .unknownOption("--bogus"), ["ensemble", "serve"], "--bogus"),
        (["serve", "-x"], .unknownOption("-x"), ["ensemble", "serve"], "-x"),
        (["serve", "--listen"], .missingValue(option: "--listen"), ["ensemble", "serve"], "--listen"),
        (["serve", "--listen", "--verbose"], .missingValue(option: "--listen"), ["ensemble", "serve"], "--listen"),
        (["serve", "--listen", "--"], .missingValue(option: "--listen"), ["ensemble", "serve"], "--listen"),
        (["serve", "--workers", "many"], .invalidValue("many", source: "'--workers'", expected: "an integer"), ["ensemble", "serve"], "--workers"),
        (["serve", "--timeout=30"], .invalidValue("30", source: "'--timeout'", expected: "a duration such as 30s, 5m or 1h30m"), ["ensemble", "serve"], "--timeout"),
        (["serve", "--verbose=maybe"], .invalidValue("maybe", source: "'--verbose'", expected: "true or false"), ["ensemble", "serve"], "--verbose"),
        (["serve", "--format", "yaml"], .invalidValue("yaml", source: "'--format'", expected: "one of text, json"), ["ensemble", "serve"], "--format"),
        (["bogus"], .unknownSubcommand("bogus"), ["ensemble"], "bogus"),
        (["dev", "bogus"], .unknownSubcommand("bogus"), ["ensemble", "dev"], "bogus"),
        (["serve", "extra"], .unexpectedArgument("extra"), ["ensemble", "serve"], "extra"),
        (["copy", "a", "b", "c"], .unexpectedArgument("c"), ["ensemble", "copy"], "'c'"),
        (["copy"], .missingArgument("source"), ["ensemble", "copy"], "<source>"),
        (["render", "--namespace", "team"], .missingArgument("file"), ["ensemble", "render"], "<file>"),
        (["render", "a.yaml"], .missingRequiredOption("--namespace"), ["ensemble", "render"], "--namespace"),
    ])
    func mistakesAreReportedOnOneLineNamingTheCulprit(
        arguments: [String], problem: UsageError.Problem, path: [String], culprit: String
    ) async throws {
        let error = try #require(FixtureCommands.parse(arguments).error)
        #expect(error.problem == problem)
        #expect(error.commandPath == path)
        #expect(error.description.contains(culprit))
        #expect(error.description.hasSuffix("see '\(path.joined(separator: " ")) --help'"))

        let captured = CapturedConsole()
        let exitCode = await EnsembleCLI.run(root: FixtureCommands.root, arguments: arguments, environment: [:], console: captured.console)
        #expect(exitCode == .usage)
        #expect(exitCode.rawValue == 2)
        #expect(captured.output.isEmpty)
        #expect(captured.error == error.description + "\n")
    }

    @Test func fixtureAndRealCommandTreesAreDeclaredSoundly() {
        #expect(FixtureCommands.root.declarationProblems() == [])
        #expect(EnsembleCLI.rootCommand.declarationProblems() == [])
    }

    @Test func declarationMistakesAreFound() {
        let broken = Command(
            name: "broken", summary: "Broken.",
            options: [
                .int("port", help: "Port."), .int("port", help: "Port again."),
                .flag("help", help: "Own help."),
                .string("mode", help: "Mode.", default: "fast", allowed: ["slow"]),
            ],
            arguments: [CommandArgument("files", help: "Files.", repeatable: true), CommandArgument("last", help: "Last.")],
            subcommands: [Command(name: "leaf", summary: "No action.")])
        let problems = broken.declarationProblems()
        #expect(problems.contains("'broken' declares option --port more than once"))
        #expect(problems.contains("'broken' redeclares the help option with --help"))
        #expect(problems.contains("'broken' gives --mode a default outside its allowed values"))
        #expect(problems.contains("'broken' has both subcommands and positional arguments"))
        #expect(problems.contains("'broken' has an optional or repeatable positional argument before the last"))
        #expect(problems.contains("'broken leaf' has neither subcommands nor an action"))
    }
}
