import Foundation

/// Where commands write: standard output and standard error for the real binary, buffers in tests.
public struct Console: Sendable {
    private let writeOutput: @Sendable (String) -> Void
    private let writeError: @Sendable (String) -> Void

    public init(output: @escaping @Sendable (String) -> Void, error: @escaping @Sendable (String) -> Void) {
        self.writeOutput = output
        self.writeError = error
    }

    public static let standard = Console(
        output: { FileHandle.standardOutput.write(Data($0.utf8)) },
        error: { FileHandle.standardError.write(Data($0.utf8)) })

    /// Writes `text` to standard output, ending it with a newline when it has none.
    public func printOutput(_ text: String) {
        writeOutput(text.hasSuffix("\n") ? text : text + "\n")
    }

    /// Writes `text` to standard error, ending it with a newline when it has none.
    public func printError(_ text: String) {
        writeError(text.hasSuffix("\n") ? text : text + "\n")
    }
}
