/// One document of a YAML stream.
struct YAMLDocument {
    var root: JSONValue
    /// Nothing was written in the document: only comments, or a bare `---`.
    var isEmpty: Bool
    var start: YAMLMark
}
