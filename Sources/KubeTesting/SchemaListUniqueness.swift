import EnsembleSupport

/// The invariants of `x-kubernetes-list-type`: elements of a `set` are unique, and so are the keys
/// (`x-kubernetes-list-map-keys`) of the elements of a `map`. Each repeated value is reported once, at its
/// second occurrence, as `Duplicate value`.
enum SchemaListUniqueness {
    static func validate(_ value: JSONValue, schema: StructuralSchema?, path: SchemaPath = .root) -> [FieldError] {
        guard let schema else { return [] }
        switch value {
        case .object(let members):
            var errors: [FieldError] = []
            for key in members.keys.sorted() {
                if let property = schema.properties[key] {
                    errors += validate(members[key]!, schema: property, path: path.child(key))
                } else if let additional = schema.additionalProperties?.schema {
                    errors += validate(members[key]!, schema: additional, path: path.key(key))
                }
            }
            return errors
        case .array(let elements):
            var errors: [FieldError] = []
            switch schema.listType {
            case "set":
                errors += secondOccurrences(of: elements).map { .duplicate(path.index($0).description, value: elements[$0]) }
            case "map":
                errors += mapListErrors(elements, keys: schema.listMapKeys, path: path)
            default:
                break
            }
            for (index, element) in elements.enumerated() {
                errors += validate(element, schema: schema.items, path: path.index(index))
            }
            return errors
        default:
            return []
        }
    }

    private static func mapListErrors(_ elements: [JSONValue], keys: [String], path: SchemaPath) -> [FieldError] {
        if let index = elements.firstIndex(where: { $0 != .null && $0.objectValue == nil }) {
            return [.invalid(path.index(index).description, value: elements[index], detail: "must be an object for an array of list-type map")]
        }
        let keyValues: [JSONValue] = elements.map { element in
            var key: [String: JSONValue] = [:]
            for name in keys {
                if let value = element[name] { key[name] = value }
            }
            return .object(key)
        }
        return secondOccurrences(of: keyValues).map { .duplicate(path.index($0).description, value: keyValues[$0]) }
    }

    /// Indexes where a value occurs for the second time.
    private static func secondOccurrences(of values: [JSONValue]) -> [Int] {
        var seen: [JSONValue: Int] = [:]
        var indexes: [Int] = []
        for (index, value) in values.enumerated() {
            seen[value, default: 0] += 1
            if seen[value] == 2 { indexes.append(index) }
        }
        return indexes
    }
}
