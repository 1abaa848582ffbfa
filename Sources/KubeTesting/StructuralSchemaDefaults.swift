import EnsembleSupport

/// apiextensions' `ValidateDefaults`: every `default` must be pruned already (no fields its schema would drop)
/// and must itself pass validation against the schema it applies to.
enum StructuralSchemaDefaults {
    static func errors(of schema: StructuralSchema, at path: SchemaPath) -> [FieldError] {
        var root = schema
        root.embeddedResource = true
        return errors(root, path: path, insideMeta: false)
    }

    private static func errors(_ schema: StructuralSchema, path: SchemaPath, insideMeta: Bool) -> [FieldError] {
        let insideMeta = schema.embeddedResource ? false : insideMeta
        var errors: [FieldError] = []
        if let defaultValue = schema.defaultValue {
            let defaultPath = path.child("default")
            if !insideMeta {
                let pruned = SchemaPruner.pruneUnknownFields(defaultValue, schema: schema, isResourceRoot: schema.embeddedResource)
                if pruned != defaultValue {
                    errors.append(.invalid(defaultPath.description, value: defaultValue, detail: "must not have unknown fields"))
                }
            }
            let metaErrors = SchemaObjectMeta.validateEmbeddedResources(in: defaultValue, schema: schema, path: defaultPath)
            errors += metaErrors.isEmpty ? SchemaValidator.openAPIErrors(of: defaultValue, against: schema, at: defaultPath) : metaErrors
        }
        if let items = schema.items {
            errors += self.errors(items, path: path.child("items"), insideMeta: insideMeta)
        }
        for name in schema.properties.keys.sorted() {
            let isMeta = schema.embeddedResource && SchemaObjectMeta.typeAndObjectMetaFields.contains(name)
            errors += self.errors(schema.properties[name]!, path: path.child("properties").key(name), insideMeta: insideMeta || isMeta)
        }
        return errors
    }
}
