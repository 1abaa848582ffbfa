import EnsembleSupport

/// One metric an autoscaler follows: `Resource`, `Pods`, or (kept as JSON) `Object`, `External`, `ContainerResource`.
public struct MetricSpec: Codable, Sendable, Hashable {
    public var `type`: String
    public var resource: ResourceMetricSource?
    public var pods: PodsMetricSource?
    public var object: JSONValue?
    public var external: JSONValue?
    public var containerResource: JSONValue?

    public init(
        type: String, resource: ResourceMetricSource? = nil, pods: PodsMetricSource? = nil, object: JSONValue? = nil,
        external: JSONValue? = nil, containerResource: JSONValue? = nil
    ) {
        self.type = `type`
        self.resource = resource
        self.pods = pods
        self.object = object
        self.external = external
        self.containerResource = containerResource
    }
}
