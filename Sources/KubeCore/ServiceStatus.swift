import EnsembleSupport

/// The observed state of a Service.
public struct ServiceStatus: Codable, Sendable, Hashable {
    public var loadBalancer: JSONValue?
    public var conditions: [Condition]?

    public init(loadBalancer: JSONValue? = nil, conditions: [Condition]? = nil) {
        self.loadBalancer = loadBalancer
        self.conditions = conditions
    }
}
