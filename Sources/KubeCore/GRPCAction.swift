/// A probe that calls the gRPC health service.
public struct GRPCAction: Codable, Sendable, Hashable {
    public var port: Int32
    public var service: String?

    public init(port: Int32, service: String? = nil) {
        self.port = port
        self.service = service
    }
}
