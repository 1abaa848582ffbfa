import Foundation

/// The `fieldPath` of a validation rule: a JSON path relative to the rule's node, made of field accessors
/// (`.spec.replicas`), quoted map keys (`['app.kubernetes.io/name']`) and list indexes (`[0]`), each of which
/// must exist in the schema. Failures of the rule are reported at this path.
struct CELRuleFieldPath: Sendable, Hashable {
    private enum Segment: Sendable, Hashable {
        case field(String)
        case key(String)
        case index(Int)
    }

    private let segments: [Segment]

    init?(_ text: String, in schema: StructuralSchema) {
        var scalars = Substring(text.trimmingCharacters(in: .whitespaces))
        var current: StructuralSchema? = schema
        var segments: [Segment] = []
        while let first = scalars.first {
            guard let node = current else { return nil }
            if first == "." {
                scalars = scalars.dropFirst()
                let name = scalars.prefix { $0 != "." && $0 != "[" }
                guard !name.isEmpty else { return nil }
                scalars = scalars.dropFirst(name.count)
                guard let property = node.properties[String(name)] else { return nil }
                segments.append(.field(String(name)))
                current = property
            } else if first == "[" {
                scalars = scalars.dropFirst()
                if scalars.first == "'" {
                    guard let (key, rest) = Self.quotedKey(scalars) else { return nil }
                    scalars = rest
                    if let property = node.properties[key] {
                        segments.append(.field(key))
                        current = property
                    } else if let additional = node.additionalProperties?.schema {
                        segments.append(.key(key))
                        current = additional
                    } else {
                        return nil
                    }
                } else {
                    let digits = scalars.prefix { $0.isNumber }
                    guard let index = Int(digits), node.items != nil else { return nil }
                    scalars = scalars.dropFirst(digits.count)
                    segments.append(.index(index))
                    current = node.items
                }
                guard scalars.first == "]" else { return nil }
                scalars = scalars.dropFirst()
            } else {
                return nil
            }
        }
        guard !segments.isEmpty else { return nil }
        self.segments = segments
    }

    /// Reads `'key']...` with `\'` and `\\` escapes; returns the key and the text from the closing `]`.
    private static func quotedKey(_ text: Substring) -> (String, Substring)? {
        var rest = text.dropFirst()
        var key = ""
        while let character = rest.first {
            rest = rest.dropFirst()
            if character == "\\", let escaped = rest.first {
                key.append(escaped)
                rest = rest.dropFirst()
            } else if character == "'" {
                return (key, rest)
            } else {
                key.append(character)
            }
        }
        return nil
    }

    /// `path` extended by this relative path, as the apiserver reports rule failures.
    func appended(to path: SchemaPath) -> SchemaPath {
        var relative = SchemaPath.root
        for segment in segments {
            switch segment {
            case .field(let name): relative = relative.child(name)
            case .key(let key): relative = relative.key(key)
            case .index(let index): relative = relative.index(index)
            }
        }
        return path.child(relative.description)
    }
}
