/// How a Service exposes pods.
public struct ServiceSpec: Codable, Sendable, Hashable {
    public var `type`: String?
    public var selector: [String: String]?
    public var ports: [ServicePort]?
    public var clusterIP: String?
    public var clusterIPs: [String]?
    public var sessionAffinity: String?
    public var externalTrafficPolicy: String?
    public var internalTrafficPolicy: String?
    public var ipFamilyPolicy: String?
    public var ipFamilies: [String]?
    public var publishNotReadyAddresses: Bool?

    public init(
        type: String? = nil, selector: [String: String]? = nil, ports: [ServicePort]? = nil,
        clusterIP: String? = nil, clusterIPs: [String]? = nil, sessionAffinity: String? = nil,
        externalTrafficPolicy: String? = nil, internalTrafficPolicy: String? = nil, ipFamilyPolicy: String? = nil,
        ipFamilies: [String]? = nil, publishNotReadyAddresses: Bool? = nil
    ) {
        self.type = `type`
        self.selector = selector
        self.ports = ports
        self.clusterIP = clusterIP
        self.clusterIPs = clusterIPs
        self.sessionAffinity = sessionAffinity
        self.externalTrafficPolicy = externalTrafficPolicy
        self.internalTrafficPolicy = internalTrafficPolicy
        self.ipFamilyPolicy = ipFamilyPolicy
        self.ipFamilies = ipFamilies
        self.publishNotReadyAddresses = publishNotReadyAddresses
    }
}
