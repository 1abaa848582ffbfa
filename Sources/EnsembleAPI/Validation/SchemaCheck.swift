import EnsembleSupport

enum SchemaCheck {
    /// Schema violations of `value` at `path`; an unencodable value is itself reported there.
    static func violations<T: Encodable>(of value: T, against schema: Schema, at path: FieldPath) -> [ValidationError] {
        do {
            return SchemaValidator.validate(try JSONValue(encoding: value), against: schema, at: path)
        } catch {
            return [ValidationError(.invalid, at: path, "cannot be encoded as JSON: \(error)")]
        }
    }
}
