/// The observed state of a team's canary.
public struct CanaryStatus: Sendable, Hashable, Codable {
    public var weight: Int32
    public var replicas: Int32?
    public var readyReplicas: Int32?

    public init(weight: Int32, replicas: Int32? = nil, readyReplicas: Int32? = nil) {
        self.weight = weight
        self.replicas = replicas
        self.readyReplicas = readyReplicas
    }
}

extension CanaryStatus: SchemaDescribed {
    public static var schema: Schema {
        .object(
            "The canary as it currently runs.",
            properties: [
                "weight": .int32("Percentage of new sessions the canary currently serves.").range(0...100),
                "replicas": .int32("Canary runner pods.").minimum(0),
                "readyReplicas": .int32("Canary runner pods ready to serve.").minimum(0),
            ],
            required: ["weight"])
    }
}
