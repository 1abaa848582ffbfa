import EnsembleSupport

/// JSON Merge Patch (RFC 7386), the `application/merge-patch+json` patch type.
///
/// Objects in the patch merge into the target member by member, a `null` member deletes, and every other value
/// (arrays included) replaces what it patches.
public enum JSONMergePatch {
    public static func apply(_ patch: JSONValue, to target: JSONValue) -> JSONValue {
        guard case .object(let patchMembers) = patch else { return patch }
        var result = target.objectValue ?? [:]
        for (name, value) in patchMembers {
            if case .null = value {
                result[name] = nil
            } else {
                result[name] = apply(value, to: result[name] ?? .null)
            }
        }
        return .object(result)
    }
}
