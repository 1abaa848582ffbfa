internal import CYAML

/// Writes JSON values as block-style YAML with libyaml's emitter: keys sorted, 2-space indent, no line folding,
/// `[]`/`{}` for empty collections, and quotes on every string that would otherwise read back as another type.
final class YAMLEmitter {
    /// libyaml's write handler appends here.
    private final class Output {
        var bytes: [UInt8] = []
    }

    private let emitter: UnsafeMutablePointer<yaml_emitter_t>
    private let output = Output()

    static func emit(_ documents: [JSONValue]) -> String {
        let emitter = YAMLEmitter()
        emitter.emitStream(documents)
        return String(decoding: emitter.output.bytes, as: UTF8.self)
    }

    private init() {
        emitter = UnsafeMutablePointer.allocate(capacity: 1)
        guard yaml_emitter_initialize(emitter) == 1 else {
            preconditionFailure("libyaml could not allocate an emitter")
        }
        yaml_emitter_set_output(
            emitter,
            { context, buffer, size in
                guard let context, let buffer else { return 0 }
                let output = Unmanaged<Output>.fromOpaque(context).takeUnretainedValue()
                output.bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size))
                return 1
            },
            Unmanaged.passUnretained(output).toOpaque())
        yaml_emitter_set_unicode(emitter, 1)
        yaml_emitter_set_indent(emitter, 2)
        yaml_emitter_set_width(emitter, -1)
        yaml_emitter_set_break(emitter, YAML_LN_BREAK)
    }

    deinit {
        yaml_emitter_delete(emitter)
        emitter.deallocate()
    }

    private func emitStream(_ documents: [JSONValue]) {
        emit { yaml_stream_start_event_initialize($0, YAML_UTF8_ENCODING) }
        for document in documents {
            // libyaml writes `---` before every document but the first, whatever is asked here.
            emit { yaml_document_start_event_initialize($0, nil, nil, nil, 1) }
            emitNode(document)
            emit { yaml_document_end_event_initialize($0, 1) }
        }
        emit { yaml_stream_end_event_initialize($0) }
    }

    private func emitNode(_ value: JSONValue) {
        switch value {
        case .null:
            emitScalar("null", style: YAML_PLAIN_SCALAR_STYLE)
        case .bool(let flag):
            emitScalar(flag ? "true" : "false", style: YAML_PLAIN_SCALAR_STYLE)
        case .integer(let number):
            emitScalar(String(number), style: YAML_PLAIN_SCALAR_STYLE)
        case .double(let number):
            emitScalar(Self.text(of: number), style: YAML_PLAIN_SCALAR_STYLE)
        case .string(let text):
            emitScalar(text, style: Self.style(for: text))
        case .array(let elements):
            let style = elements.isEmpty ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE
            emit { yaml_sequence_start_event_initialize($0, nil, nil, 1, style) }
            elements.forEach(emitNode)
            emit { yaml_sequence_end_event_initialize($0) }
        case .object(let members):
            let style = members.isEmpty ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE
            emit { yaml_mapping_start_event_initialize($0, nil, nil, 1, style) }
            for key in members.keys.sorted() {
                emitScalar(key, style: Self.style(for: key))
                emitNode(members[key]!)
            }
            emit { yaml_mapping_end_event_initialize($0) }
        }
    }

    private func emitScalar(_ text: String, style: yaml_scalar_style_t) {
        // The terminator keeps the pointer non-null for the empty string; the length excludes it.
        let bytes = Array(text.utf8) + [0]
        bytes.withUnsafeBufferPointer { buffer in
            emit {
                yaml_scalar_event_initialize($0, nil, nil, buffer.baseAddress, Int32(buffer.count - 1), 1, 1, style)
            }
        }
    }

    /// Initialises an event with `initialize` and hands it to the emitter, which takes ownership of it.
    private func emit(_ initialize: (UnsafeMutablePointer<yaml_event_t>) -> Int32) {
        var event = yaml_event_t()
        guard initialize(&event) == 1, yaml_emitter_emit(emitter, &event) == 1 else {
            // Events built from a JSONValue are always well-formed and its strings valid UTF-8,
            // so only a failed allocation can end up here.
            let problem = emitter.pointee.problem.map { String(cString: $0) } ?? "out of memory"
            preconditionFailure("libyaml could not emit YAML: \(problem)")
        }
    }

    /// A plain scalar that reads back as exactly this double.
    private static func text(of number: Double) -> String {
        if number.isNaN { return ".nan" }
        if number.isInfinite { return number < 0 ? "-.inf" : ".inf" }
        return "\(number)"
    }

    /// Plain where that reads back as the same string, a literal block for multi-line text, double quotes otherwise.
    /// libyaml itself falls back to quotes when the text cannot be written in the style asked for.
    private static func style(for text: String) -> yaml_scalar_style_t {
        let scalars = text.unicodeScalars
        // Parsers turn these line breaks into `\n` in block and single-quoted scalars; double quotes escape them.
        if scalars.contains(where: { $0 == "\r" || $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
            return YAML_DOUBLE_QUOTED_SCALAR_STYLE
        }
        if scalars.contains("\n") { return YAML_LITERAL_SCALAR_STYLE }
        return YAMLScalarResolver.needsQuotes(text) ? YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_PLAIN_SCALAR_STYLE
    }
}
