import EnsembleSupport

/// The parts of custom-object handling that concern `metadata`, `apiVersion` and `kind`: the apiserver keeps only
/// ObjectMeta's fields in `metadata` (of the object and of embedded resources) and validates embedded resources'
/// type and object meta.
enum SchemaObjectMeta {
    static let typeAndObjectMetaFields: Set<String> = ["apiVersion", "kind", "metadata"]

    /// The fields of `metav1.ObjectMeta`.
    private static let objectMetaFields: Set<String> = [
        "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation", "creationTimestamp",
        "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations", "finalizers", "ownerReferences",
        "managedFields",
    ]

    /// The fields of the objects in ObjectMeta's lists.
    private static let listEntryFields: [String: Set<String>] = [
        "ownerReferences": ["apiVersion", "kind", "name", "uid", "controller", "blockOwnerDeletion"],
        "managedFields": ["manager", "operation", "apiVersion", "time", "fieldsType", "fieldsV1", "subresource"],
    ]

    /// Drops the members of `metadata` that ObjectMeta does not have; returns the dropped paths below `path`.
    static func coerce(_ metadata: JSONValue, path: String) -> (metadata: JSONValue, unknownFields: [String]) {
        guard case .object(var members) = metadata else { return (metadata, []) }
        var unknown: [String] = []
        for (key, value) in members {
            guard objectMetaFields.contains(key) else {
                members[key] = nil
                unknown.append("\(path).\(key)")
                continue
            }
            guard let entryFields = listEntryFields[key], case .array(var entries) = value else { continue }
            for index in entries.indices {
                guard case .object(var entry) = entries[index] else { continue }
                for name in entry.keys where !entryFields.contains(name) {
                    entry[name] = nil
                    unknown.append("\(path).\(key)[\(index)].\(name)")
                }
                entries[index] = .object(entry)
            }
            members[key] = .array(entries)
        }
        return (.object(members), unknown)
    }

    /// ObjectMeta as the apiserver writes it back into an embedded resource: empty fields left out and
    /// `creationTimestamp` always present, `null` when unset.
    static func normalizedEmbedded(_ metadata: JSONValue) -> JSONValue {
        guard case .object(let members) = metadata else { return metadata }
        var normalized = members.filter { _, value in
            switch value {
            case .null, .string(""), .integer(0): false
            case .array(let elements): !elements.isEmpty
            case .object(let entries): !entries.isEmpty
            default: true
            }
        }
        if normalized["creationTimestamp"] == nil { normalized["creationTimestamp"] = .null }
        return .object(normalized)
    }

    /// Walks `value` along `schema` and coerces the metadata of every embedded resource.
    static func coerceEmbeddedResources(in value: JSONValue, schema: StructuralSchema?, path: SchemaPath, unknownFields: inout [String]) -> JSONValue {
        guard let schema else { return value }
        switch value {
        case .object(var members):
            if schema.embeddedResource, let metadata = members["metadata"] {
                let coerced = coerce(metadata, path: path.child("metadata").description)
                members["metadata"] = normalizedEmbedded(coerced.metadata)
                unknownFields += coerced.unknownFields
            }
            for (key, member) in members {
                if let property = schema.properties[key] {
                    if schema.embeddedResource && typeAndObjectMetaFields.contains(key) { continue }
                    members[key] = coerceEmbeddedResources(in: member, schema: property, path: path.child(key), unknownFields: &unknownFields)
                } else if let additional = schema.additionalProperties?.schema {
                    members[key] = coerceEmbeddedResources(in: member, schema: additional, path: path.key(key), unknownFields: &unknownFields)
                }
            }
            return .object(members)
        case .array(let elements):
            return .array(elements.enumerated().map { index, element in
                coerceEmbeddedResources(in: element, schema: schema.items, path: path.index(index), unknownFields: &unknownFields)
            })
        default:
            return value
        }
    }

    /// `apiVersion`, `kind` and `metadata` of every embedded resource below the root.
    static func validateEmbeddedResources(in value: JSONValue, schema: StructuralSchema?, path: SchemaPath = .root) -> [FieldError] {
        guard let schema else { return [] }
        switch value {
        case .object(let members):
            var errors = schema.embeddedResource ? validateEmbeddedResource(members, path: path) : []
            for key in members.keys.sorted() {
                if let property = schema.properties[key] {
                    errors += validateEmbeddedResources(in: members[key]!, schema: property, path: path.child(key))
                } else if let additional = schema.additionalProperties?.schema {
                    errors += validateEmbeddedResources(in: members[key]!, schema: additional, path: path.key(key))
                }
            }
            return errors
        case .array(let elements):
            return elements.enumerated().flatMap { index, element in
                validateEmbeddedResources(in: element, schema: schema.items, path: path.index(index))
            }
        default:
            return []
        }
    }

    private static func validateEmbeddedResource(_ members: [String: JSONValue], path: SchemaPath) -> [FieldError] {
        var errors: [FieldError] = []
        let apiVersionPath = path.child("apiVersion").description
        let kindPath = path.child("kind").description
        switch members["apiVersion"] {
        case nil, .string(""): errors.append(.required(apiVersionPath))
        case .string(let apiVersion) where apiVersion != "/" && apiVersion.filter({ $0 == "/" }).count > 1:
            errors.append(.invalid(apiVersionPath, value: .string(apiVersion), detail: "unexpected GroupVersion string: \(apiVersion)"))
        case .string: break
        case let other?: errors.append(.invalid(apiVersionPath, value: other, detail: "must be a string"))
        }
        switch members["kind"] {
        case nil, .string(""): errors.append(.required(kindPath))
        case .string(let kind):
            let problems = SchemaNameRules.dns1035Label(kind.lowercased())
            if !problems.isEmpty {
                errors.append(.invalid(kindPath, value: .string(kind),
                    detail: "may have mixed case, but should otherwise match: " + problems.joined(separator: ",")))
            }
        case let other?: errors.append(.invalid(kindPath, value: other, detail: "must be a string"))
        }
        if let metadata = members["metadata"] {
            errors += validateEmbeddedObjectMeta(metadata, path: path.child("metadata"))
        }
        return errors
    }

    private static func validateEmbeddedObjectMeta(_ metadata: JSONValue, path: SchemaPath) -> [FieldError] {
        guard case .object(let members) = metadata else {
            let kind = StructuralSchemaDecodingError.kind(of: metadata)
            return [.invalid(path.description, value: metadata, detail: "json: cannot unmarshal \(kind) into Go value of type v1.ObjectMeta")]
        }
        var errors: [FieldError] = []
        if let generateName = members["generateName"]?.stringValue, !generateName.isEmpty {
            for problem in SchemaNameRules.pathSegmentName(generateName, isPrefix: true) {
                errors.append(.invalid(path.child("generateName").description, value: .string(generateName), detail: problem))
            }
        }
        if let name = members["name"]?.stringValue, !name.isEmpty {
            for problem in SchemaNameRules.pathSegmentName(name, isPrefix: false) {
                errors.append(.invalid(path.child("name").description, value: .string(name), detail: problem))
            }
        }
        if let namespace = members["namespace"]?.stringValue, !namespace.isEmpty {
            for problem in SchemaNameRules.dns1123Label(namespace) {
                errors.append(.invalid(path.child("namespace").description, value: .string(namespace), detail: problem))
            }
        }
        return errors
    }

    /// The name rules the apiserver applies to every custom object (`metadata.name` a DNS subdomain).
    static func validateObjectName(_ object: JSONValue) -> [FieldError] {
        let metadata = object["metadata"]
        var errors: [FieldError] = []
        if let generateName = metadata?["generateName"]?.stringValue, !generateName.isEmpty {
            for problem in SchemaNameRules.objectName(generateName, isPrefix: true) {
                errors.append(.invalid("metadata.generateName", value: .string(generateName), detail: problem))
            }
        }
        guard let name = metadata?["name"]?.stringValue, !name.isEmpty else {
            return errors + [.required("metadata.name", detail: "name or generateName is required")]
        }
        for problem in SchemaNameRules.objectName(name, isPrefix: false) {
            errors.append(.invalid("metadata.name", value: .string(name), detail: problem))
        }
        return errors
    }
}
