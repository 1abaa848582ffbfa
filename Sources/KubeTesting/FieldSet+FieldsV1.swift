import EnsembleSupport

extension FieldSet {
    /// The key of the `FieldsV1` encoding that marks a node with children as a member of the set itself.
    static let selfMarker = "."

    /// Reads the `FieldsV1` encoding of `metadata.managedFields[].fieldsV1`: every element is a key whose value is
    /// `{}` for a member, or the encoding of the paths below it, with `".": {}` when the element is a member too.
    public init(fieldsV1: JSONValue) throws(FieldSetDecodingError) {
        guard case .object(let encoded) = fieldsV1 else {
            throw FieldSetDecodingError(key: "", reason: "a node is not a JSON object")
        }
        self.init()
        for (key, value) in encoded where key != Self.selfMarker {
            let element = try PathElement(fieldsV1Key: key)
            guard case .object(let nested) = value else {
                throw FieldSetDecodingError(key: key, reason: "the value is not a JSON object")
            }
            if nested.isEmpty || nested[Self.selfMarker] != nil {
                insertMember(element)
            }
            setChild(try FieldSet(fieldsV1: value), at: element)
        }
    }

    /// The `FieldsV1` encoding of the set.
    public var fieldsV1: JSONValue {
        var encoded: [String: JSONValue] = [:]
        for member in members {
            encoded[member.fieldsV1Key] = .object([:])
        }
        for (element, child) in children {
            var nested = child.fieldsV1
            if members.contains(element) {
                nested[Self.selfMarker] = .object([:])
            }
            encoded[element.fieldsV1Key] = nested
        }
        return .object(encoded)
    }
}
