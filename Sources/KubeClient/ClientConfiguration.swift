import HTTP

/// Everything a `KubeClient` needs to reach one API server: where it is, how to trust it, who to be.
/// Its description shows no secrets.
public struct ClientConfiguration: Sendable, CustomStringConvertible {
    /// The API server's base URL, such as `https://10.0.0.1:443`.
    public var server: String
    public var tls: TLSConfiguration
    public var proxyURL: String?
    public var credentials: Credentials
    /// The namespace used when a call names none: the context's, the service account's, or `default`.
    public var namespace: String
    public var userAgent: String
    /// Limit for each non-watch request.
    public var requestTimeout: Duration
    public var retry: RetryPolicy
    /// Client-side rate limit; nil (the default) for none, as controller-runtime now does.
    public var rateLimit: RateLimit?

    public init(
        server: String, tls: TLSConfiguration = TLSConfiguration(), proxyURL: String? = nil,
        credentials: Credentials = .none, namespace: String = "default", userAgent: String = "ensemble",
        requestTimeout: Duration = .seconds(60), retry: RetryPolicy = RetryPolicy(), rateLimit: RateLimit? = nil
    ) {
        self.server = server
        self.tls = tls
        self.proxyURL = proxyURL
        self.credentials = credentials
        self.namespace = namespace
        self.userAgent = userAgent
        self.requestTimeout = requestTimeout
        self.retry = retry
        self.rateLimit = rateLimit
    }

    public var description: String {
        "server \(server), namespace \(namespace), credentials: \(credentials)"
            + (tls.clientCertificate != nil ? ", client certificate" : "")
    }
}
