/// An authenticating proxy in front of the runners names the user in a header.
public struct TrustedHeaderAccess: Sendable, Hashable, Codable {
    public var header: String

    public init(header: String) {
        self.header = header
    }
}

extension TrustedHeaderAccess: SchemaDescribed {
    public static var schema: Schema {
        .object(
            "The user is named by a header set by an authenticating proxy (oauth2-proxy, a service mesh, an API gateway). Only safe when nothing but that proxy can reach the runners.",
            properties: [
                "header": .string("Name of the header carrying the user ID, such as X-Forwarded-User.")
                    .pattern("^[A-Za-z0-9!#$%&'*+.^_`|~-]+$").maxLength(128)
            ],
            required: ["header"])
    }
}
