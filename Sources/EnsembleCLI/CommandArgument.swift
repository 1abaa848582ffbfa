/// A positional argument of a command. Only the last argument of a command may be repeatable.
public struct CommandArgument: Sendable {
    public let name: String
    public let help: String
    public let isOptional: Bool
    public let isRepeatable: Bool

    public init(_ name: String, help: String, optional: Bool = false, repeatable: Bool = false) {
        self.name = name
        self.help = help
        self.isOptional = optional
        self.isRepeatable = repeatable
    }

    /// How usage lines write the argument: `<file>`, `[<file>]`, `<file>...`.
    var usageText: String {
        let placeholder = "<\(name)>" + (isRepeatable ? "..." : "")
        return isOptional ? "[\(placeholder)]" : placeholder
    }
}
