/// A type that documents and constrains its JSON form with a structural schema.
public protocol SchemaDescribed {
    static var schema: Schema { get }
}

/// A string enumeration whose cases are the schema's `enum` values.
public protocol SchemaEnumeration: CaseIterable, RawRepresentable, Sendable, Hashable, Codable
where RawValue == String {}
