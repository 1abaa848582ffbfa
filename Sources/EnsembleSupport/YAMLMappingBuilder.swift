/// The entries of one mapping as its keys and values arrive: rejects duplicate keys, and applies merge keys
/// (`<<: *defaults`) when finished, so that keys written in the mapping win over merged ones wherever they appear.
struct YAMLMappingBuilder {
    private enum PendingKey {
        case member(String)
        case merge
    }

    private var members: [String: JSONValue] = [:]
    private var keyMarks: [String: YAMLMark] = [:]
    private var pendingKey: PendingKey?
    /// Mappings to merge, earlier ones winning over later ones.
    private var mergedMappings: [[String: JSONValue]] = []

    /// Adds the next key or value. `keyText` is the text of a scalar (nil for a collection); like sigs.k8s.io/yaml,
    /// a key is always the string written, so `1:` and `true:` are the keys "1" and "true".
    mutating func add(_ value: JSONValue, keyText: String?, isMergeKey: Bool, at mark: YAMLMark) throws(YAMLError) {
        guard let key = pendingKey else {
            pendingKey = try acceptKey(keyText, isMergeKey: isMergeKey, at: mark)
            return
        }
        pendingKey = nil
        switch key {
        case .member(let name):
            members[name] = value
        case .merge:
            mergedMappings += try mappingsToMerge(value, at: mark)
        }
    }

    func finish() -> JSONValue {
        var result = members
        for mapping in mergedMappings {
            result.merge(mapping) { current, _ in current }
        }
        return .object(result)
    }

    private mutating func acceptKey(_ keyText: String?, isMergeKey: Bool, at mark: YAMLMark) throws(YAMLError)
        -> PendingKey
    {
        guard let name = keyText else {
            throw YAMLError(.invalidKey, at: mark, "mapping keys must be scalars, not sequences or mappings")
        }
        if isMergeKey { return .merge }
        if let first = keyMarks[name] {
            throw YAMLError(
                .duplicateKey, at: mark,
                "duplicate key \(name.debugDescription) (first defined at line \(first.line), column \(first.column))")
        }
        keyMarks[name] = mark
        return .member(name)
    }

    private func mappingsToMerge(_ value: JSONValue, at mark: YAMLMark) throws(YAMLError) -> [[String: JSONValue]] {
        switch value {
        case .object(let mapping):
            return [mapping]
        case .array(let elements):
            var mappings: [[String: JSONValue]] = []
            for element in elements {
                guard case .object(let mapping) = element else { throw invalidMerge(at: mark) }
                mappings.append(mapping)
            }
            return mappings
        default:
            throw invalidMerge(at: mark)
        }
    }

    private func invalidMerge(at mark: YAMLMark) -> YAMLError {
        YAMLError(.invalidMerge, at: mark, "the merge key << needs a mapping or a sequence of mappings")
    }
}
