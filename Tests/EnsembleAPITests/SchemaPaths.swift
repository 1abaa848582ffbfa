import EnsembleAPI
import EnsembleSupport

/// Field paths of schemas and of JSON values, written `spec.agents[].model` (list elements) and
/// `spec.runner.nodeSelector.*` (map values), to compare what the schema declares with what the types encode.
enum SchemaPaths {
    /// Every field path the schema declares, below nodes whose content is free-form.
    static func declared(by schema: Schema, at prefix: String = "") -> Set<String> {
        var paths: Set<String> = []
        for (name, property) in schema.properties {
            let path = join(prefix, name)
            paths.insert(path)
            paths.formUnion(declared(by: property, at: path))
        }
        if let items = schema.items {
            paths.formUnion(declared(by: items, at: prefix + "[]"))
        }
        if let values = schema.additionalProperties {
            paths.insert(join(prefix, "*"))
            paths.formUnion(declared(by: values, at: join(prefix, "*")))
        }
        return paths
    }

    /// The field paths `value` uses, read through `schema`; fields the schema does not declare are returned
    /// as `undeclared`.
    static func used(in value: JSONValue, by schema: Schema, at prefix: String = "") -> (used: Set<String>, undeclared: Set<String>) {
        var used: Set<String> = []
        var undeclared: Set<String> = []
        switch value {
        case .object(let members):
            for (name, member) in members {
                if let property = schema.properties[name] {
                    let path = join(prefix, name)
                    used.insert(path)
                    let inner = self.used(in: member, by: property, at: path)
                    used.formUnion(inner.used)
                    undeclared.formUnion(inner.undeclared)
                } else if let values = schema.additionalProperties {
                    let path = join(prefix, "*")
                    used.insert(path)
                    let inner = self.used(in: member, by: values, at: path)
                    used.formUnion(inner.used)
                    undeclared.formUnion(inner.undeclared)
                } else if !schema.preservesUnknownFields {
                    undeclared.insert(join(prefix, name))
                }
            }
        case .array(let elements):
            guard let items = schema.items else { break }
            for element in elements {
                let inner = self.used(in: element, by: items, at: prefix + "[]")
                used.formUnion(inner.used)
                undeclared.formUnion(inner.undeclared)
            }
        default:
            break
        }
        return (used, undeclared)
    }

    private static func join(_ prefix: String, _ name: String) -> String {
        prefix.isEmpty ? name : "\(prefix).\(name)"
    }
}

/// The API server's structural defaulting: a missing field with a default gets it, inside every object present.
enum SchemaDefaulting {
    static func apply(_ schema: Schema, to value: JSONValue) -> JSONValue {
        switch value {
        case .object(var members):
            for (name, property) in schema.properties where members[name] == nil {
                if let defaultValue = property.defaultValue { members[name] = defaultValue }
            }
            for (name, member) in members {
                if let property = schema.properties[name] {
                    members[name] = apply(property, to: member)
                } else if let values = schema.additionalProperties {
                    members[name] = apply(values, to: member)
                }
            }
            return .object(members)
        case .array(let elements):
            guard let items = schema.items else { return value }
            return .array(elements.map { apply(items, to: $0) })
        default:
            return value
        }
    }
}
