import EnsembleSupport

extension Schema {
    public static func object(_ description: String, properties: [String: Schema], required: [String] = []) -> Schema {
        var schema = Schema(type: .object, description: description)
        schema.properties = properties
        schema.required = required
        return schema
    }

    /// An object whose content the API server keeps as written, without a schema (affinity, for example).
    public static func freeformObject(_ description: String) -> Schema {
        var schema = Schema(type: .object, description: description)
        schema.preservesUnknownFields = true
        return schema
    }

    public static func string(_ description: String) -> Schema {
        Schema(type: .string, description: description)
    }

    public static func int32(_ description: String) -> Schema {
        var schema = Schema(type: .integer, description: description)
        schema.format = "int32"
        return schema
    }

    public static func int64(_ description: String) -> Schema {
        var schema = Schema(type: .integer, description: description)
        schema.format = "int64"
        return schema
    }

    public static func number(_ description: String) -> Schema {
        var schema = Schema(type: .number, description: description)
        schema.format = "double"
        return schema
    }

    public static func boolean(_ description: String) -> Schema {
        Schema(type: .boolean, description: description)
    }

    public static func timestamp(_ description: String) -> Schema {
        var schema = Schema(type: .string, description: description)
        schema.format = "date-time"
        return schema
    }

    public static func array(_ description: String, of items: Schema) -> Schema {
        var schema = Schema(type: .array, description: description)
        schema.items = items
        return schema
    }

    /// A map from string keys to values of one schema (`additionalProperties`).
    public static func map(_ description: String, values: Schema) -> Schema {
        var schema = Schema(type: .object, description: description)
        schema.additionalProperties = values
        return schema
    }

    /// A value written either as an integer or as a string (`x-kubernetes-int-or-string`).
    public static func intOrString(_ description: String) -> Schema {
        var schema = Schema(type: nil, description: description)
        schema.isIntOrString = true
        return schema
    }

    public static func enumeration<Value: SchemaEnumeration>(_ type: Value.Type, _ description: String) -> Schema {
        var schema = Schema(type: .string, description: description)
        schema.enumValues = Value.allCases.map { .string($0.rawValue) }
        return schema
    }

    /// The schema `T` describes itself with, documented for the field that holds it.
    public static func field<T: SchemaDescribed>(_ type: T.Type, _ description: String) -> Schema {
        T.schema.described(description)
    }
}

extension Schema {
    /// The object schema with one more property.
    public func with(property name: String, _ schema: Schema) -> Schema {
        with { $0.properties[name] = schema }
    }

    public func described(_ description: String) -> Schema {
        with { $0.description = description }
    }

    public func minimum(_ value: Int64) -> Schema { with { $0.minimum = .integer(value) } }
    public func maximum(_ value: Int64) -> Schema { with { $0.maximum = .integer(value) } }
    /// Bounds of a `number` field.
    public func numberRange(_ bounds: ClosedRange<Double>) -> Schema {
        with {
            $0.minimum = .double(bounds.lowerBound)
            $0.maximum = .double(bounds.upperBound)
        }
    }

    public func range(_ bounds: ClosedRange<Int64>) -> Schema {
        minimum(bounds.lowerBound).maximum(bounds.upperBound)
    }

    public func minLength(_ value: Int) -> Schema { with { $0.minLength = value } }
    public func maxLength(_ value: Int) -> Schema { with { $0.maxLength = value } }
    public func minItems(_ value: Int) -> Schema { with { $0.minItems = value } }
    public func maxItems(_ value: Int) -> Schema { with { $0.maxItems = value } }
    public func maxProperties(_ value: Int) -> Schema { with { $0.maxProperties = value } }
    public func pattern(_ value: String) -> Schema { with { $0.pattern = value } }
    public func defaulting(to value: JSONValue) -> Schema { with { $0.defaultValue = value } }

    /// A list whose elements are identified by `keys`, so that server-side apply merges them by those keys.
    public func listMap(keys: [String]) -> Schema {
        with {
            $0.listType = .map
            $0.listMapKeys = keys
        }
    }

    /// A list of unique scalars, merged as a set by server-side apply.
    public func listSet() -> Schema { with { $0.listType = .set } }

    public func validated(by rules: [ValidationRule]) -> Schema {
        with { $0.validations += rules }
    }

    public func validated<Subject>(by rules: [CrossFieldRule<Subject>]) -> Schema {
        validated(by: rules.map(\.validation))
    }

    private func with(_ change: (inout Schema) -> Void) -> Schema {
        var copy = self
        change(&copy)
        return copy
    }
}
