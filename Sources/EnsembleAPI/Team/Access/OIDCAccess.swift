/// Clients authenticate with JWTs from an OpenID Connect issuer.
public struct OIDCAccess: Sendable, Hashable, Codable {
    public var issuerURL: String
    public var audiences: [String]
    public var userClaim: String?
    public var groupsClaim: String?

    public init(issuerURL: String, audiences: [String], userClaim: String? = nil, groupsClaim: String? = nil) {
        self.issuerURL = issuerURL
        self.audiences = audiences
        self.userClaim = userClaim
        self.groupsClaim = groupsClaim
    }

    public static let defaultUserClaim = "sub"

    func defaulted() -> OIDCAccess {
        var access = self
        access.userClaim = userClaim ?? Self.defaultUserClaim
        return access
    }
}

extension OIDCAccess: SchemaDescribed {
    public static var schema: Schema {
        .object(
            "Clients send a JWT as a bearer token; its signature is checked against the issuer's published keys (OpenID Connect discovery), and its issuer, audience and expiry are verified.",
            properties: [
                "issuerURL": .string("The issuer, exactly as in the tokens' iss claim; HTTPS, discovery at /.well-known/openid-configuration.")
                    .pattern("^https://[^\\s?#]+$").maxLength(2048),
                "audiences": .array(
                    "Accepted values of the aud claim; a token must name at least one.",
                    of: .string("An accepted audience.").minLength(1).maxLength(256)
                ).listSet().minItems(1).maxItems(16),
                "userClaim": .string("Claim whose value identifies the user for limits, budgets, sessions and usage.")
                    .minLength(1).maxLength(256).defaulting(to: .string(defaultUserClaim)),
                "groupsClaim": .string("Claim holding the user's groups, recorded with usage. Unset ignores groups.")
                    .minLength(1).maxLength(256),
            ],
            required: ["issuerURL", "audiences"])
    }
}
