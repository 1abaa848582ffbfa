import KubeCore

/// Clients authenticate with API keys kept in a Secret.
public struct APIKeyAccess: Sendable, Hashable, Codable {
    public var secretRef: LocalObjectReference

    public init(secretRef: LocalObjectReference) {
        self.secretRef = secretRef
    }
}

extension APIKeyAccess: SchemaDescribed {
    public static var schema: Schema {
        .object(
            "Clients send an API key as a bearer token (Authorization: Bearer KEY). Keys live in a Secret: each entry's key is a user ID and its value that user's API key. Editing the Secret takes effect without a restart.",
            properties: [
                "secretRef": LocalObjectReference.schema("The Secret holding one entry per user: user ID → API key.")
            ],
            required: ["secretRef"])
    }
}
