import Foundation

/// A request as the server's handlers see it, with its body read completely.
public struct HTTPServerRequest: Sendable {
    public var method: HTTPMethod
    /// The decoded path, without the query.
    public var path: String
    /// Query arguments in the order given; repeated names appear repeatedly.
    public var queryItems: [(name: String, value: String)]
    public var headers: HTTPHeaders
    public var body: Data
    /// "address:port" of the peer.
    public var remoteAddress: String
    /// Values of `{name}` segments of the route that matched.
    public var pathParameters: [String: String]

    public init(
        method: HTTPMethod, path: String, queryItems: [(name: String, value: String)] = [], headers: HTTPHeaders = [:],
        body: Data = Data(), remoteAddress: String = "", pathParameters: [String: String] = [:]
    ) {
        self.method = method
        self.path = path
        self.queryItems = queryItems
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
        self.pathParameters = pathParameters
    }

    /// The first value of a query argument.
    public func query(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }
}
