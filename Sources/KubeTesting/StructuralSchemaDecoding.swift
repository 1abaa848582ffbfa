import EnsembleSupport

/// A schema document whose keywords have the wrong JSON types: the apiserver cannot even decode such a
/// CustomResourceDefinition and answers 400 Bad Request.
public struct StructuralSchemaDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where in the schema, e.g. `properties[spec].required`; empty for the schema itself.
    public var path: String
    public var expectedType: String
    public var actual: JSONValue

    public var description: String {
        let field = path.isEmpty ? "JSONSchemaProps" : "JSONSchemaProps.\(path)"
        return "json: cannot unmarshal \(Self.kind(of: actual)) into Go struct field \(field) of type \(expectedType)"
    }

    static func kind(of value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "bool"
        case .integer, .double: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

extension StructuralSchema {
    /// Reads a schema document (a CRD version's `schema.openAPIV3Schema`).
    public init(json: JSONValue) throws(StructuralSchemaDecodingError) {
        try self.init(json: json, path: SchemaPath.root)
    }

    private init(json: JSONValue, path: SchemaPath) throws(StructuralSchemaDecodingError) {
        self.init()
        guard case .object(let members) = json else {
            throw StructuralSchemaDecodingError(path: path.isRoot ? "" : path.description, expectedType: "JSONSchemaProps", actual: json)
        }
        let reader = KeywordReader(members: members, path: path)
        type = try reader.string("type")
        format = try reader.string("format")
        title = try reader.string("title")
        description = try reader.string("description")
        nullable = try reader.bool("nullable") ?? false
        if let value = members["default"], value != .null { defaultValue = value }

        properties = try reader.schemaMap("properties")
        if let value = members["additionalProperties"] {
            switch value {
            case .bool(let allows): additionalProperties = .allows(allows)
            case .object: additionalProperties = .schema(try StructuralSchema(json: value, path: path.child("additionalProperties")))
            default: throw StructuralSchemaDecodingError(path: path.child("additionalProperties").description, expectedType: "JSONSchemaPropsOrBool", actual: value)
            }
        }
        if let value = members["items"] {
            switch value {
            case .object: items = try StructuralSchema(json: value, path: path.child("items"))
            case .array: unsupportedKeywords.append("items")
            default: throw StructuralSchemaDecodingError(path: path.child("items").description, expectedType: "JSONSchemaPropsOrArray", actual: value)
            }
        }
        required = try reader.strings("required") ?? []

        enumValues = try reader.array("enum")
        maximum = try reader.number("maximum")
        exclusiveMaximum = try reader.bool("exclusiveMaximum") ?? false
        minimum = try reader.number("minimum")
        exclusiveMinimum = try reader.bool("exclusiveMinimum") ?? false
        multipleOf = try reader.number("multipleOf")
        maxLength = try reader.integer("maxLength")
        minLength = try reader.integer("minLength")
        pattern = try reader.string("pattern")
        maxItems = try reader.integer("maxItems")
        minItems = try reader.integer("minItems")
        uniqueItems = try reader.bool("uniqueItems") ?? false
        maxProperties = try reader.integer("maxProperties")
        minProperties = try reader.integer("minProperties")
        allOf = try reader.schemaList("allOf")
        anyOf = try reader.schemaList("anyOf")
        oneOf = try reader.schemaList("oneOf")
        if let value = members["not"] { not = try StructuralSchema(json: value, path: path.child("not")) }

        preserveUnknownFields = try reader.bool("x-kubernetes-preserve-unknown-fields")
        embeddedResource = try reader.bool("x-kubernetes-embedded-resource") ?? false
        intOrString = try reader.bool("x-kubernetes-int-or-string") ?? false
        listType = try reader.optionalString("x-kubernetes-list-type")
        listMapKeys = try reader.strings("x-kubernetes-list-map-keys") ?? []
        mapType = try reader.optionalString("x-kubernetes-map-type")
        validationRules = try reader.validationRules()

        for keyword in ["id", "$ref", "patternProperties", "definitions", "dependencies", "additionalItems"]
        where members[keyword] != nil {
            unsupportedKeywords.append(keyword)
        }
    }

    /// Reads keywords of one schema node, throwing with the keyword's path when a value has the wrong JSON type.
    private struct KeywordReader {
        let members: [String: JSONValue]
        let path: SchemaPath

        func string(_ keyword: String) throws(StructuralSchemaDecodingError) -> String {
            try optionalString(keyword) ?? ""
        }

        func optionalString(_ keyword: String) throws(StructuralSchemaDecodingError) -> String? {
            guard let value = members[keyword], value != .null else { return nil }
            guard case .string(let text) = value else { throw mismatch(keyword, "string", value) }
            return text
        }

        func bool(_ keyword: String) throws(StructuralSchemaDecodingError) -> Bool? {
            guard let value = members[keyword], value != .null else { return nil }
            guard case .bool(let flag) = value else { throw mismatch(keyword, "bool", value) }
            return flag
        }

        func number(_ keyword: String) throws(StructuralSchemaDecodingError) -> Double? {
            guard let value = members[keyword], value != .null else { return nil }
            guard let number = value.doubleValue else { throw mismatch(keyword, "float64", value) }
            return number
        }

        func integer(_ keyword: String) throws(StructuralSchemaDecodingError) -> Int64? {
            guard let value = members[keyword], value != .null else { return nil }
            guard let number = value.integerValue else { throw mismatch(keyword, "int64", value) }
            return number
        }

        func array(_ keyword: String) throws(StructuralSchemaDecodingError) -> [JSONValue]? {
            guard let value = members[keyword], value != .null else { return nil }
            guard case .array(let elements) = value else { throw mismatch(keyword, "[]JSON", value) }
            return elements
        }

        func strings(_ keyword: String) throws(StructuralSchemaDecodingError) -> [String]? {
            guard let elements = try array(keyword) else { return nil }
            var texts: [String] = []
            for element in elements {
                guard case .string(let text) = element else { throw mismatch(keyword, "[]string", element) }
                texts.append(text)
            }
            return texts
        }

        func schemaMap(_ keyword: String) throws(StructuralSchemaDecodingError) -> [String: StructuralSchema] {
            guard let value = members[keyword], value != .null else { return [:] }
            guard case .object(let entries) = value else { throw mismatch(keyword, "map[string]JSONSchemaProps", value) }
            var schemas: [String: StructuralSchema] = [:]
            for (name, entry) in entries {
                schemas[name] = try StructuralSchema(json: entry, path: path.child(keyword).key(name))
            }
            return schemas
        }

        func schemaList(_ keyword: String) throws(StructuralSchemaDecodingError) -> [StructuralSchema] {
            guard let elements = try array(keyword) else { return [] }
            var schemas: [StructuralSchema] = []
            for (index, element) in elements.enumerated() {
                schemas.append(try StructuralSchema(json: element, path: path.child(keyword).index(index)))
            }
            return schemas
        }

        func validationRules() throws(StructuralSchemaDecodingError) -> [ValidationRule] {
            let keyword = "x-kubernetes-validations"
            guard let elements = try array(keyword) else { return [] }
            var rules: [ValidationRule] = []
            for (index, element) in elements.enumerated() {
                guard case .object(let fields) = element else { throw mismatch(keyword, "ValidationRule", element) }
                let entry = KeywordReader(members: fields, path: path.child(keyword).index(index))
                var rule = ValidationRule(rule: try entry.string("rule"))
                rule.message = try entry.string("message")
                rule.messageExpression = try entry.string("messageExpression")
                rule.reason = try entry.optionalString("reason")
                rule.fieldPath = try entry.string("fieldPath")
                rule.optionalOldSelf = try entry.bool("optionalOldSelf")
                rules.append(rule)
            }
            return rules
        }

        private func mismatch(_ keyword: String, _ expected: String, _ value: JSONValue) -> StructuralSchemaDecodingError {
            StructuralSchemaDecodingError(path: path.child(keyword).description, expectedType: expected, actual: value)
        }
    }
}
