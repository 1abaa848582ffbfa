/// Who may chat with the team: exactly one way of verifying callers.
public struct AccessPolicy: Sendable, Hashable, Codable {
    public var apiKeys: APIKeyAccess?
    public var oidc: OIDCAccess?
    public var trustedHeader: TrustedHeaderAccess?
    /// `none` in JSON; named differently here so that it never reads as `Optional.none`.
    public var unauthenticated: NoAccessControl?

    enum CodingKeys: String, CodingKey {
        case apiKeys, oidc, trustedHeader
        case unauthenticated = "none"
    }

    public init(
        apiKeys: APIKeyAccess? = nil, oidc: OIDCAccess? = nil, trustedHeader: TrustedHeaderAccess? = nil,
        unauthenticated: NoAccessControl? = nil
    ) {
        self.apiKeys = apiKeys
        self.oidc = oidc
        self.trustedHeader = trustedHeader
        self.unauthenticated = unauthenticated
    }

    func defaulted() -> AccessPolicy {
        var access = self
        access.oidc = oidc?.defaulted()
        return access
    }

    public static let crossFieldRules: [CrossFieldRule<AccessPolicy>] = [
        CrossFieldRule(
            cel: "(has(self.apiKeys) ? 1 : 0) + (has(self.oidc) ? 1 : 0) + (has(self.trustedHeader) ? 1 : 0) + (has(self.none) ? 1 : 0) == 1",
            message: "exactly one of apiKeys, oidc, trustedHeader and none must be set",
            holds: { access in
                [access.apiKeys != nil, access.oidc != nil, access.trustedHeader != nil, access.unauthenticated != nil]
                    .filter { $0 }.count == 1
            })
    ]
}

extension AccessPolicy: SchemaDescribed {
    public static var schema: Schema {
        .object(
            "Who may chat with the team: exactly one of apiKeys, oidc, trustedHeader and none. The verified identity is the user for rate limits, budgets, sessions and the usage ledger.",
            properties: [
                "apiKeys": .field(APIKeyAccess.self, "API keys from a Secret, one per user."),
                "oidc": .field(OIDCAccess.self, "JWTs from an OpenID Connect issuer."),
                "trustedHeader": .field(TrustedHeaderAccess.self, "A header set by an authenticating proxy."),
                "none": .field(NoAccessControl.self, "No authentication; write none: {}."),
            ]
        ).validated(by: crossFieldRules)
    }
}
