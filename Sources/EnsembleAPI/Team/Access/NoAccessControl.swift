/// Anyone who reaches the runners may chat; written as `none: {}`.
public struct NoAccessControl: Sendable, Hashable, Codable {
    public init() {}
}

extension NoAccessControl: SchemaDescribed {
    public static var schema: Schema {
        .object(
            "No authentication: anyone who can reach the runners may chat, and the user_id in each request is taken as given. Write none: {} to choose this deliberately.",
            properties: [:])
    }
}
