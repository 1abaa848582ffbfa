import EnsembleSupport

/// Applies the `default`s of a structural schema, as kube-apiserver does for custom resources on every request
/// and whenever it reads them from storage (so a default added to a CRD shows in objects stored before it).
///
/// First, `null` values of fields that are neither `nullable` nor defaulted are dropped; then absent fields, and
/// `null`s of non-nullable fields, get their default. Defaults apply inside defaults (an object default gains the
/// defaults of its own properties). `nullable: true` fields keep an explicit `null`.
public enum SchemaDefaulter {
    public static func applyDefaults(to object: JSONValue, schema: StructuralSchema) -> JSONValue {
        defaulted(withoutNonNullableNulls(object, schema), schema)
    }

    static func withoutNonNullableNulls(_ value: JSONValue, _ schema: StructuralSchema?) -> JSONValue {
        switch value {
        case .object(var members):
            for (key, member) in members {
                let memberSchema = schema?.memberSchema(key)
                if member == .null, let memberSchema, !memberSchema.nullable, memberSchema.defaultValue == nil {
                    members[key] = nil
                } else {
                    members[key] = withoutNonNullableNulls(member, memberSchema)
                }
            }
            return .object(members)
        case .array(let elements):
            return .array(elements.map { withoutNonNullableNulls($0, schema?.items) })
        default:
            return value
        }
    }

    static func defaulted(_ value: JSONValue, _ schema: StructuralSchema?) -> JSONValue {
        guard let schema else { return value }
        switch value {
        case .object(var members):
            for (key, property) in schema.properties {
                guard let defaultValue = property.defaultValue else { continue }
                if members[key] == nil || (members[key] == .null && !property.nullable) {
                    members[key] = defaultValue
                }
            }
            for (key, member) in members {
                if let property = schema.properties[key] {
                    members[key] = defaulted(member, property)
                } else if let additional = schema.additionalProperties?.schema {
                    let filled = member == .null && !additional.nullable ? additional.defaultValue ?? .null : member
                    members[key] = defaulted(filled, additional)
                }
            }
            return .object(members)
        case .array(let elements):
            guard let items = schema.items else { return value }
            return .array(elements.map { element in
                let filled = element == .null && !items.nullable ? items.defaultValue ?? .null : element
                return defaulted(filled, items)
            })
        default:
            return value
        }
    }
}
