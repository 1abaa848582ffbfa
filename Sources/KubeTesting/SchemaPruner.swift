import EnsembleSupport

/// Drops the fields of a custom object that its structural schema does not specify, as kube-apiserver does
/// before storing (and after reading) custom resources.
///
/// Fields survive when declared in `properties`, when `additionalProperties` applies, or anywhere below
/// `x-kubernetes-preserve-unknown-fields: true` (where declared properties are still pruned). `apiVersion`, `kind`
/// and `metadata` of the object and of embedded resources are kept; their `metadata` keeps only ObjectMeta's
/// fields. The dropped paths are what the apiserver returns as `unknown field "spec.foo"` warnings.
public enum SchemaPruner {
    public static func prune(_ object: JSONValue, schema: StructuralSchema, isResourceRoot: Bool = true) -> (object: JSONValue, unknownFields: [String]) {
        var rootSchema = schema
        if isResourceRoot { rootSchema.embeddedResource = true }
        var walk = PruningWalk()
        var pruned = walk.prune(object, rootSchema, parentPath: "")
        var unknownFields = walk.unknownFields
        if isResourceRoot, let metadata = pruned["metadata"] {
            let coerced = SchemaObjectMeta.coerce(metadata, path: "metadata")
            pruned["metadata"] = coerced.metadata
            unknownFields += coerced.unknownFields
        }
        pruned = SchemaObjectMeta.coerceEmbeddedResources(in: pruned, schema: schema, path: .root, unknownFields: &unknownFields)
        return (pruned, unknownFields.sorted())
    }

    /// The pruning algorithm alone, without the ObjectMeta coercion of `metadata`.
    static func pruneUnknownFields(_ value: JSONValue, schema: StructuralSchema, isResourceRoot: Bool) -> JSONValue {
        var rootSchema = schema
        if isResourceRoot { rootSchema.embeddedResource = true }
        var walk = PruningWalk()
        return walk.prune(value, rootSchema, parentPath: "")
    }
}

/// The recursion of apiextensions' pruning algorithm, recording each dropped field's path
/// (`spec.agents[0].foo`).
private struct PruningWalk {
    var unknownFields: [String] = []

    mutating func prune(_ value: JSONValue, _ schema: StructuralSchema?, parentPath: String) -> JSONValue {
        if let schema, schema.preservesUnknownFields {
            return pruneDeclared(value, schema, parentPath: parentPath)
        }
        switch value {
        case .object(var members):
            guard let schema else {
                unknownFields += members.keys.map { Self.path(parentPath, $0) }
                return .object([:])
            }
            for (key, member) in members {
                if schema.embeddedResource && SchemaObjectMeta.typeAndObjectMetaFields.contains(key) { continue }
                if let property = schema.properties[key] {
                    members[key] = prune(member, property, parentPath: Self.path(parentPath, key))
                } else if let additional = schema.additionalProperties {
                    members[key] = prune(member, additional.schema, parentPath: Self.path(parentPath, key))
                } else {
                    if !SchemaObjectMeta.typeAndObjectMetaFields.contains(key) || !parentPath.isEmpty {
                        unknownFields.append(Self.path(parentPath, key))
                    }
                    members[key] = nil
                }
            }
            return .object(members)
        case .array(var elements):
            for index in elements.indices {
                elements[index] = prune(elements[index], schema?.items, parentPath: "\(parentPath)[\(index)]")
            }
            return .array(elements)
        default:
            return value
        }
    }

    /// Below `x-kubernetes-preserve-unknown-fields`: unknown fields stay, declared ones are pruned as usual.
    private mutating func pruneDeclared(_ value: JSONValue, _ schema: StructuralSchema?, parentPath: String) -> JSONValue {
        guard let schema else { return value }
        switch value {
        case .object(var members):
            for (key, member) in members {
                if schema.embeddedResource && SchemaObjectMeta.typeAndObjectMetaFields.contains(key) { continue }
                if let property = schema.properties[key] {
                    members[key] = prune(member, property, parentPath: Self.path(parentPath, key))
                } else if let additional = schema.additionalProperties {
                    members[key] = prune(member, additional.schema, parentPath: Self.path(parentPath, key))
                }
            }
            return .object(members)
        case .array(var elements):
            for index in elements.indices {
                elements[index] = pruneDeclared(elements[index], schema.items, parentPath: "\(parentPath)[\(index)]")
            }
            return .array(elements)
        default:
            return value
        }
    }

    private static func path(_ parent: String, _ key: String) -> String {
        parent.isEmpty ? key : "\(parent).\(key)"
    }
}
