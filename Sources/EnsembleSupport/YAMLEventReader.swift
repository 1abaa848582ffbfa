internal import CYAML

/// Reads YAML text as a sequence of events with libyaml's event parser.
///
/// The parser and the input bytes live at fixed heap addresses: libyaml keeps pointers to both
/// (the string reader points back at the parser itself).
final class YAMLEventReader {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let input: UnsafeMutableBufferPointer<UInt8>
    private let inputCount: Int

    init(_ text: String) {
        let bytes = Array(text.utf8)
        // libyaml expects a non-null input pointer, even for empty text.
        input = UnsafeMutableBufferPointer.allocate(capacity: max(bytes.count, 1))
        _ = input.initialize(from: bytes)
        inputCount = bytes.count
        parser = UnsafeMutablePointer.allocate(capacity: 1)
        guard yaml_parser_initialize(parser) == 1 else {
            preconditionFailure("libyaml could not allocate a parser")
        }
        yaml_parser_set_input_string(parser, input.baseAddress, inputCount)
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
        input.deallocate()
    }

    func next() throws(YAMLError) -> YAMLEvent {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else { throw parserError() }
        defer { yaml_event_delete(&event) }
        let mark = YAMLMark(event.start_mark)
        switch event.type {
        case YAML_STREAM_START_EVENT:
            return .streamStart
        case YAML_STREAM_END_EVENT:
            return .streamEnd
        case YAML_DOCUMENT_START_EVENT:
            return .documentStart(mark)
        case YAML_DOCUMENT_END_EVENT:
            return .documentEnd
        case YAML_ALIAS_EVENT:
            return .alias(anchor: String(cString: event.data.alias.anchor), mark: mark)
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            return .scalar(
                YAMLScalar(
                    text: String(
                        decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self),
                    style: YAMLScalar.Style(scalar.style),
                    tag: scalar.tag.map { String(cString: $0) },
                    anchor: scalar.anchor.map { String(cString: $0) },
                    mark: mark))
        case YAML_SEQUENCE_START_EVENT:
            return .sequenceStart(anchor: event.data.sequence_start.anchor.map { String(cString: $0) }, mark: mark)
        case YAML_SEQUENCE_END_EVENT:
            return .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            return .mappingStart(anchor: event.data.mapping_start.anchor.map { String(cString: $0) }, mark: mark)
        case YAML_MAPPING_END_EVENT:
            return .mappingEnd
        default:
            throw YAMLError(.syntax, at: mark, "unexpected parser event \(event.type.rawValue)")
        }
    }

    private func parserError() -> YAMLError {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "unknown problem parsing YAML"
        if state.error == YAML_READER_ERROR {
            // Reader errors (invalid encoding, control characters) carry a byte offset instead of a mark.
            return YAMLError(.syntax, at: mark(atByteOffset: state.problem_offset), problem)
        }
        var message = problem
        if let context = state.context {
            let contextMark = YAMLMark(state.context_mark)
            message += " (\(String(cString: context)) at line \(contextMark.line), column \(contextMark.column))"
        }
        return YAMLError(.syntax, at: YAMLMark(state.problem_mark), message)
    }

    private func mark(atByteOffset offset: Int) -> YAMLMark {
        let prefix = UnsafeBufferPointer(rebasing: input[..<min(offset, inputCount)])
        var mark = YAMLMark(line: 1, column: 1)
        for scalar in String(decoding: prefix, as: UTF8.self).unicodeScalars {
            if scalar == "\n" {
                mark.line += 1
                mark.column = 1
            } else {
                mark.column += 1
            }
        }
        return mark
    }
}

extension YAMLMark {
    fileprivate init(_ mark: yaml_mark_t) {
        self.init(line: mark.line + 1, column: mark.column + 1)
    }
}

extension YAMLScalar.Style {
    fileprivate init(_ style: yaml_scalar_style_t) {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: self = .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: self = .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: self = .literal
        case YAML_FOLDED_SCALAR_STYLE: self = .folded
        default: self = .plain
        }
    }
}
