import EnsembleSupport

/// `ensemble version`: prints the version and how the binary was built.
enum VersionCommand {
    static let command = Command(
        name: "version",
        summary: "Print the version of ensemble and how it was built.",
        discussion: """
            Prints the Ensemble version, the Swift compiler version the binary was built with,
            the platform and the build configuration. '-o json' prints the same as a JSON object.
            """,
        options: [
            .string("output", short: "o", valueName: "format", help: "Output format.", default: "text", allowed: ["text", "json"]),
        ],
        action: { invocation in
            let info = BuildInfo.current
            if invocation.values.string("output") == "json" {
                invocation.console.printOutput(JSONText.string(info.json, options: .prettyPrinted))
            } else {
                invocation.console.printOutput(info.text)
            }
            return .success
        })
}
