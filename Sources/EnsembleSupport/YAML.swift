/// Reads and writes YAML as `JSONValue`, the way Kubernetes reads manifests (sigs.k8s.io/yaml) and writes them.
///
/// Reading uses libyaml's event parser: block and flow styles, every scalar style, multi-document streams,
/// anchors and aliases, and merge keys (`<<: *defaults`, keys written in the mapping win).
///
/// Plain (unquoted) scalars resolve as follows; quoted and block (`|`, `>`) scalars are always strings.
/// - `null`, `Null`, `NULL`, `~` and nothing at all are null.
/// - `true`/`True`/`TRUE` and `false`/`False`/`FALSE` are booleans. `yes`, `no`, `on`, `off`, `y`, `n` are strings,
///   not booleans as in YAML 1.1; `emit` quotes them so that YAML 1.1 readers agree.
/// - Integers: decimal with an optional sign, `0x` hexadecimal, `0o` octal, `0b` binary, and, as Kubernetes reads
///   `defaultMode: 0644`, a leading zero followed by octal digits (`0644` is 420, `007` is 7, `09` is 9).
///   An integer beyond `Int64` becomes a double, as JSON readers treat such numbers.
/// - Floats: `1.5`, `.5`, `1.`, `1e3`, `-2.5E-3`, `.inf`, `-.inf`, `.nan`; a float beyond `Double`'s range is a string.
/// - Everything else, timestamps and `1_000` included, is a string.
///
/// Explicit `!!str`, `!!int`, `!!float`, `!!bool` and `!!null` tags are honoured (a scalar that does not fit its tag
/// is an error); any other tag on a scalar (`!Ref`, `!!timestamp`) keeps its text as a string, and tags on
/// collections are ignored. Mapping keys are the text written (`1:` is the key "1"); a key set twice in one mapping
/// is an error.
public enum YAML {
    /// The single document in `text`; `.null` when there is none (empty text, only comments, a bare `---`).
    public static func parse(_ text: String) throws(YAMLError) -> JSONValue {
        let documents = try nonEmptyDocuments(in: text)
        if documents.count > 1 {
            throw YAMLError(.multipleDocuments, at: documents[1].start, "expected a single document but found another")
        }
        return documents.first?.root ?? .null
    }

    /// Every document of a stream separated by `---`. As kubectl does, documents holding nothing at all
    /// (a leading or trailing `---`, only comments) are skipped; a document that says `null` is kept.
    public static func parseAll(_ text: String) throws(YAMLError) -> [JSONValue] {
        try nonEmptyDocuments(in: text).map(\.root)
    }

    /// `value` as one YAML document without a `---` marker, ending in a newline.
    ///
    /// `YAML.parse(YAML.emit(value)) == value` for every value whose doubles are finite; NaN reads back as NaN,
    /// which is never equal to itself.
    public static func emit(_ value: JSONValue) -> String {
        YAMLEmitter.emit([value])
    }

    /// The documents as one stream, separated by `---` lines.
    public static func emitAll(_ documents: [JSONValue]) -> String {
        YAMLEmitter.emit(documents)
    }

    private static func nonEmptyDocuments(in text: String) throws(YAMLError) -> [YAMLDocument] {
        try YAMLComposer.documents(in: text).filter { !$0.isEmpty }
    }
}
