import EnsembleSupport

extension Schema {
    /// The node as `openAPIV3Schema` JSON, with Kubernetes' `x-kubernetes-*` extensions.
    public var jsonValue: JSONValue {
        var node: [String: JSONValue] = [:]
        if !description.isEmpty { node["description"] = .string(description) }
        if let type { node["type"] = .string(type.rawValue) }
        if let format { node["format"] = .string(format) }
        if !properties.isEmpty { node["properties"] = .object(properties.mapValues(\.jsonValue)) }
        if !required.isEmpty { node["required"] = .array(required.map(JSONValue.string)) }
        if let items { node["items"] = items.jsonValue }
        if let additionalProperties { node["additionalProperties"] = additionalProperties.jsonValue }
        if !enumValues.isEmpty { node["enum"] = .array(enumValues) }
        if let defaultValue { node["default"] = defaultValue }
        if let minimum { node["minimum"] = minimum }
        if let maximum { node["maximum"] = maximum }
        if let minLength { node["minLength"] = .integer(Int64(minLength)) }
        if let maxLength { node["maxLength"] = .integer(Int64(maxLength)) }
        if let minItems { node["minItems"] = .integer(Int64(minItems)) }
        if let maxItems { node["maxItems"] = .integer(Int64(maxItems)) }
        if let maxProperties { node["maxProperties"] = .integer(Int64(maxProperties)) }
        if let pattern { node["pattern"] = .string(pattern) }
        if let listType { node["x-kubernetes-list-type"] = .string(listType.rawValue) }
        if !listMapKeys.isEmpty { node["x-kubernetes-list-map-keys"] = .array(listMapKeys.map(JSONValue.string)) }
        if preservesUnknownFields { node["x-kubernetes-preserve-unknown-fields"] = true }
        if isIntOrString {
            node["x-kubernetes-int-or-string"] = true
            node["anyOf"] = [["type": "integer"], ["type": "string"]]
        }
        if !validations.isEmpty { node["x-kubernetes-validations"] = .array(validations.map(\.jsonValue)) }
        return .object(node)
    }
}

extension ValidationRule {
    public var jsonValue: JSONValue {
        var node: [String: JSONValue] = ["rule": .string(rule), "message": .string(message)]
        if let fieldPath { node["fieldPath"] = .string(fieldPath) }
        if let reason { node["reason"] = .string(reason.rawValue) }
        return .object(node)
    }
}
