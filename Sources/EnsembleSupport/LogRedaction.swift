/// Keeps credentials out of logs: metadata under a sensitive key is replaced by `"[REDACTED]"`, at any depth.
///
/// A key is sensitive when, ignoring letter case, it is or ends with one of `sensitiveKeySuffixes`
/// (so `Authorization`, `x-api-key`, `refresh_token` and `Set-Cookie` are redacted, `total_tokens` is not).
public enum LogRedaction {
    public static let placeholder = "[REDACTED]"

    public static let sensitiveKeySuffixes = [
        "authorization", "api_key", "api-key", "apikey", "token", "password", "secret", "cookie", "set-cookie",
    ]

    public static func isSensitive(key: String) -> Bool {
        let lowercased = key.lowercased()
        return sensitiveKeySuffixes.contains { lowercased.hasSuffix($0) }
    }

    public static func redact(_ metadata: [String: JSONValue]) -> [String: JSONValue] {
        var redacted = metadata
        for (key, value) in metadata {
            redacted[key] = isSensitive(key: key) ? .string(placeholder) : redact(value)
        }
        return redacted
    }

    private static func redact(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members): .object(redact(members))
        case .array(let elements): .array(elements.map(redact))
        default: value
        }
    }
}
