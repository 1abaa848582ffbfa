/// A 1-based position in YAML text.
struct YAMLMark: Sendable, Equatable {
    var line: Int
    var column: Int
}
