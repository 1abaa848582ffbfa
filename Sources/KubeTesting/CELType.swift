/// The static type of a CEL expression, as far as the checker needs it: `dyn` where nothing is known
/// (int-or-string fields, values without a schema).
indirect enum CELType: Sendable, Equatable, CustomStringConvertible {
    case dyn
    case null
    case bool
    case int
    case uint
    case double
    case string
    case bytes
    case list(CELType)
    case map(key: CELType, value: CELType)
    /// A schema object with declared fields; selecting any other field is a compile error.
    case object(name: String, fields: [String: CELType])

    var description: String {
        switch self {
        case .dyn: "dyn"
        case .null: "null_type"
        case .bool: "bool"
        case .int: "int"
        case .uint: "uint"
        case .double: "double"
        case .string: "string"
        case .bytes: "bytes"
        case .list(let element): "list(\(element))"
        case .map(let key, let value): "map(\(key), \(value))"
        case .object(let name, _): name
        }
    }

    var isDyn: Bool { self == .dyn }

    var isNumeric: Bool { self == .int || self == .uint || self == .double }

    /// The type validation rules see for values of `schema`. At the root of a resource and in embedded resources,
    /// `apiVersion`, `kind` and `metadata.name`/`metadata.generateName` are visible too.
    init(schema: StructuralSchema?, isResourceRoot: Bool = false, name: String = "self") {
        guard let schema, !schema.intOrString else {
            self = .dyn
            return
        }
        switch schema.type {
        case "object":
            let exposesTypeMeta = isResourceRoot || schema.embeddedResource
            // Like the apiserver, preserved unknown fields stay invisible: rules see declared fields only.
            if let additional = schema.additionalProperties, schema.properties.isEmpty, !exposesTypeMeta {
                self = .map(key: .string, value: CELType(schema: additional.schema, name: name + ".@values"))
            } else {
                var fields: [String: CELType] = [:]
                for (key, property) in schema.properties {
                    fields[key] = CELType(schema: property, name: name + "." + key)
                }
                if exposesTypeMeta {
                    fields["apiVersion"] = .string
                    fields["kind"] = .string
                    fields["metadata"] = .object(name: name + ".metadata", fields: ["name": .string, "generateName": .string])
                }
                self = .object(name: name, fields: fields)
            }
        case "array": self = .list(CELType(schema: schema.items, name: name + ".@items"))
        case "string": self = .string
        case "integer": self = .int
        case "number": self = .double
        case "boolean": self = .bool
        default: self = .dyn
        }
    }
}
