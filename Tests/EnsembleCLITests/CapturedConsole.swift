import EnsembleCLI
import Synchronization

/// A `Console` that keeps what commands write, for assertions.
final class CapturedConsole: Sendable {
    private let written = Mutex<(output: String, error: String)>(("", ""))

    var output: String { written.withLock { $0.output } }
    var error: String { written.withLock { $0.error } }

    var console: Console {
        Console(
            output: { text in self.written.withLock { $0.output += text } },
            error: { text in self.written.withLock { $0.error += text } })
    }
}
