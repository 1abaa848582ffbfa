/// The result of an operation that returns no object, and the body of every API error (`metav1.Status`).
public struct Status: Codable, Sendable, Hashable {
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ListMeta?
    /// `Success` or `Failure`.
    public var status: String?
    public var message: String?
    /// A machine-readable word such as `NotFound` or `AlreadyExists`.
    public var reason: String?
    public var details: StatusDetails?
    public var code: Int32?

    public init(
        apiVersion: String? = nil, kind: String? = nil, metadata: ListMeta? = nil, status: String? = nil,
        message: String? = nil, reason: String? = nil, details: StatusDetails? = nil, code: Int32? = nil
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.metadata = metadata
        self.status = status
        self.message = message
        self.reason = reason
        self.details = details
        self.code = code
    }
}
