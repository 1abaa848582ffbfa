/// One libyaml parser event, copied out of C memory.
enum YAMLEvent {
    case streamStart
    case streamEnd
    case documentStart(YAMLMark)
    case documentEnd
    case alias(anchor: String, mark: YAMLMark)
    case scalar(YAMLScalar)
    case sequenceStart(anchor: String?, mark: YAMLMark)
    case sequenceEnd
    case mappingStart(anchor: String?, mark: YAMLMark)
    case mappingEnd
}

/// A scalar as written: its text, how it was quoted, and any tag or anchor on it.
struct YAMLScalar {
    enum Style {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    var text: String
    var style: Style
    /// The resolved tag (`tag:yaml.org,2002:int` for `!!int`), `!` for the non-specific tag, or nil when untagged.
    var tag: String?
    var anchor: String?
    var mark: YAMLMark

    /// Nothing was written here: an empty document, or a key or value left out.
    var isAbsent: Bool { style == .plain && text.isEmpty && tag == nil && anchor == nil }
}
