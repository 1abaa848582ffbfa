import EnsembleCLI
import EnsembleSupport
import Testing

/// The real `ensemble` command tree, run in process.
@Suite struct EnsembleCLITests {
    private func run(_ arguments: [String]) async -> (exitCode: Int32, output: String, error: String) {
        let captured = CapturedConsole()
        let exitCode = await EnsembleCLI.main(arguments: arguments, environment: [:], console: captured.console)
        return (exitCode, captured.output, captured.error)
    }

    @Test func aloneItPrintsTopLevelHelpAndSucceeds() async {
        let result = await run([])
        #expect(result.exitCode == 0)
        #expect(result.output.contains("USAGE\n  ensemble [options] [<subcommand>]"))
        #expect(result.output.contains("version      Print the version of ensemble and how it was built."))
        #expect(result.output.contains("controller   Run the Ensemble controller manager against a cluster."))
        #expect(result.error.isEmpty)
    }

    @Test(arguments: [["version"], ["--version"], ["version", "-o", "text"]])
    func versionPrintsOneLine(arguments: [String]) async {
        let result = await run(arguments)
        #expect(result.exitCode == 0)
        #expect(result.output == BuildInfo.current.text + "\n")
        #expect(result.output.hasPrefix("ensemble \(EnsembleVersion.current) (swift 6."))
    }

    @Test func versionAsJSON() async throws {
        let result = await run(["version", "--output=json"])
        #expect(result.exitCode == 0)
        let json = try JSONText.parse(result.output)
        #expect(json["version"] == .string(EnsembleVersion.current))
        #expect(json["swiftVersion"]?.stringValue?.hasPrefix("6.") == true)
        #expect(json == BuildInfo.current.json)
    }

    @Test func unknownOptionExitsWithUsageError() async {
        let result = await run(["version", "--bogus"])
        #expect(result.exitCode == 2)
        #expect(result.output.isEmpty)
        #expect(result.error == "error: unknown option '--bogus'; see 'ensemble version --help'\n")
    }

    @Test func failingActionsExitWithOneAndUsageMistakesWithTwo() async {
        struct Broken: Error, CustomStringConvertible {
            var description: String { "the widget broke" }
        }
        let root = Command(
            name: "tool", summary: "Tool.",
            subcommands: [
                Command(name: "fail", summary: "Fails.", action: { _ in throw Broken() }),
                Command(name: "conflict", summary: "Rejects its options.", action: { invocation in
                    throw invocation.usageError("--a and --b exclude each other")
                }),
                Command(name: "quiet", summary: "Exits with its own code.", action: { _ in ExitCode(rawValue: 3) }),
            ])
        let captured = CapturedConsole()
        #expect(await EnsembleCLI.run(root: root, arguments: ["fail"], environment: [:], console: captured.console) == .failure)
        #expect(await EnsembleCLI.run(root: root, arguments: ["conflict"], environment: [:], console: captured.console) == .usage)
        #expect(await EnsembleCLI.run(root: root, arguments: ["quiet"], environment: [:], console: captured.console).rawValue == 3)
        #expect(captured.error == """
            error: the widget broke
            error: --a and --b exclude each other; see 'tool conflict --help'

            """)
    }
}
