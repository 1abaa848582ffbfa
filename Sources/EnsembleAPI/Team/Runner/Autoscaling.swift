/// A HorizontalPodAutoscaler for the runners.
public struct Autoscaling: Sendable, Hashable, Codable {
    public var minReplicas: Int32?
    public var maxReplicas: Int32
    public var targetCPUUtilizationPercentage: Int32?
    public var targetInFlightRequests: Int32?

    public init(
        minReplicas: Int32? = nil, maxReplicas: Int32, targetCPUUtilizationPercentage: Int32? = nil,
        targetInFlightRequests: Int32? = nil
    ) {
        self.minReplicas = minReplicas
        self.maxReplicas = maxReplicas
        self.targetCPUUtilizationPercentage = targetCPUUtilizationPercentage
        self.targetInFlightRequests = targetInFlightRequests
    }

    public static let defaultMinReplicas: Int32 = 1
    public static let defaultTargetCPUUtilizationPercentage: Int32 = 70

    func defaulted() -> Autoscaling {
        var autoscaling = self
        autoscaling.minReplicas = minReplicas ?? Self.defaultMinReplicas
        if targetCPUUtilizationPercentage == nil, targetInFlightRequests == nil {
            autoscaling.targetCPUUtilizationPercentage = Self.defaultTargetCPUUtilizationPercentage
        }
        return autoscaling
    }

    public static let crossFieldRules: [CrossFieldRule<Autoscaling>] = [
        CrossFieldRule(
            cel: "!has(self.minReplicas) || self.minReplicas <= self.maxReplicas",
            message: "minReplicas must not exceed maxReplicas",
            fieldPath: ".minReplicas",
            holds: { ($0.minReplicas ?? defaultMinReplicas) <= $0.maxReplicas })
    ]
}

extension Autoscaling: SchemaDescribed {
    public static var schema: Schema {
        .object(
            "Scale the runners with a HorizontalPodAutoscaler. The operator then leaves the Deployment's replica count to the autoscaler. With neither target set, CPU utilisation 70% is the target.",
            properties: [
                "minReplicas": .int32("Fewest runner pods.").range(1...1000)
                    .defaulting(to: .integer(Int64(defaultMinReplicas))),
                "maxReplicas": .int32("Most runner pods.").range(1...1000),
                "targetCPUUtilizationPercentage": .int32(
                    "Average CPU use across runner pods the autoscaler aims at, in percent of the CPU request (set runner.resources.requests.cpu)."
                ).range(1...100),
                "targetInFlightRequests": .int32(
                    "Average number of chat requests in progress per pod the autoscaler aims at (Pods metric ensemble_runner_in_flight_requests, served through a metrics adapter such as prometheus-adapter). LLM calls wait on the network, so this follows load better than CPU."
                ).range(1...10_000),
            ],
            required: ["maxReplicas"]
        ).validated(by: crossFieldRules)
    }
}
