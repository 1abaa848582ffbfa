import EnsembleSupport
import KubeCore

/// Checks a JSON value against a structural schema the way the API server does before it stores an object:
/// types, required fields, unknown fields, enums, bounds, lengths, patterns and list keys. CEL rules are not
/// evaluated here; each `CrossFieldRule` carries its own Swift predicate.
///
/// As the API server does, a `null` field is treated as absent.
public enum SchemaValidator {
    public static func validate(_ value: JSONValue, against schema: Schema, at path: FieldPath) -> [ValidationError] {
        var errors: [ValidationError] = []
        check(value, schema, path, &errors)
        return errors
    }

    private static func check(_ value: JSONValue, _ schema: Schema, _ path: FieldPath, _ errors: inout [ValidationError]) {
        if schema.isIntOrString {
            checkIntOrString(value, schema, path, &errors)
            return
        }
        guard let type = schema.type else { return }
        switch (type, value) {
        case (.object, .object(let members)):
            checkObject(members, schema, path, &errors)
        case (.array, .array(let elements)):
            checkArray(elements, schema, path, &errors)
        case (.string, .string(let text)):
            checkString(text, schema, path, &errors)
        case (.integer, .integer), (.number, .integer), (.number, .double):
            checkBounds(value, schema, path, &errors)
        case (.boolean, .bool):
            break
        default:
            errors.append(ValidationError(.invalid, at: path, value: value, "must be of type \(type.rawValue)"))
            return
        }
        checkEnum(value, schema, path, &errors)
    }

    private static func checkObject(
        _ members: [String: JSONValue], _ schema: Schema, _ path: FieldPath, _ errors: inout [ValidationError]
    ) {
        let present = members.filter { !$0.value.isNull }
        for name in schema.required where present[name] == nil {
            errors.append(ValidationError(.required, at: path.child(name)))
        }
        if let maxProperties = schema.maxProperties, present.count > maxProperties {
            errors.append(ValidationError(.tooMany, at: path, "must have at most \(maxProperties) properties"))
        }
        for name in present.keys.sorted() {
            let member = present[name]!
            if let property = schema.properties[name] {
                check(member, property, path.child(name), &errors)
            } else if let values = schema.additionalProperties {
                check(member, values, path.key(name), &errors)
            } else if !schema.preservesUnknownFields {
                errors.append(ValidationError(.unknownField, at: path.child(name), "field not declared in schema"))
            }
        }
    }

    private static func checkArray(
        _ elements: [JSONValue], _ schema: Schema, _ path: FieldPath, _ errors: inout [ValidationError]
    ) {
        if let minItems = schema.minItems, elements.count < minItems {
            errors.append(ValidationError(.invalid, at: path, "must have at least \(minItems) items"))
        }
        if let maxItems = schema.maxItems, elements.count > maxItems {
            errors.append(ValidationError(.tooMany, at: path, "must have at most \(maxItems) items"))
        }
        if let items = schema.items {
            for (index, element) in elements.enumerated() {
                check(element, items, path.index(index), &errors)
            }
        }
        switch schema.listType {
        case .map:
            checkUnique(elements.map { element in .object(schema.listMapKeys.reduce(into: [:]) { $0[$1] = element[$1] }) }, path, &errors)
        case .set:
            checkUnique(elements, path, &errors)
        case .atomic, nil:
            break
        }
    }

    private static func checkUnique(_ identities: [JSONValue], _ path: FieldPath, _ errors: inout [ValidationError]) {
        var seen: Set<JSONValue> = []
        for (index, identity) in identities.enumerated() where !seen.insert(identity).inserted {
            errors.append(ValidationError(.duplicate, at: path.index(index), value: identity))
        }
    }

    private static func checkString(_ text: String, _ schema: Schema, _ path: FieldPath, _ errors: inout [ValidationError]) {
        let length = text.unicodeScalars.count
        if let minLength = schema.minLength, length < minLength {
            errors.append(ValidationError(.invalid, at: path, value: .string(text), "must be at least \(minLength) characters long"))
        }
        if let maxLength = schema.maxLength, length > maxLength {
            errors.append(ValidationError(.tooLong, at: path, "may not be more than \(maxLength) characters"))
        }
        if let pattern = schema.pattern, !matches(text, pattern) {
            errors.append(ValidationError(.invalid, at: path, value: .string(text), "must match '\(pattern)'"))
        }
        if schema.format == "date-time", Time(rfc3339: text) == nil {
            errors.append(ValidationError(.invalid, at: path, value: .string(text), "must be an RFC 3339 date-time"))
        }
    }

    private static func checkIntOrString(_ value: JSONValue, _ schema: Schema, _ path: FieldPath, _ errors: inout [ValidationError]) {
        switch value {
        case .integer: checkBounds(value, schema, path, &errors)
        case .string(let text): checkString(text, schema, path, &errors)
        default: errors.append(ValidationError(.invalid, at: path, value: value, "must be an integer or a string"))
        }
    }

    private static func checkBounds(_ value: JSONValue, _ schema: Schema, _ path: FieldPath, _ errors: inout [ValidationError]) {
        guard let number = value.doubleValue else { return }
        if let minimum = schema.minimum, let bound = minimum.doubleValue, number < bound {
            errors.append(ValidationError(.invalid, at: path, value: value, "must be greater than or equal to \(JSONText.string(minimum))"))
        }
        if let maximum = schema.maximum, let bound = maximum.doubleValue, number > bound {
            errors.append(ValidationError(.invalid, at: path, value: value, "must be less than or equal to \(JSONText.string(maximum))"))
        }
    }

    private static func checkEnum(_ value: JSONValue, _ schema: Schema, _ path: FieldPath, _ errors: inout [ValidationError]) {
        guard !schema.enumValues.isEmpty, !schema.enumValues.contains(value) else { return }
        let supported = schema.enumValues.map { JSONText.string($0) }.joined(separator: ", ")
        errors.append(ValidationError(.unsupported, at: path, value: value, "supported values: \(supported)"))
    }

    private static func matches(_ text: String, _ pattern: String) -> Bool {
        do {
            return try Regex(pattern).firstMatch(in: text) != nil
        } catch {
            return false
        }
    }
}
