import EnsembleSupport
import KubeCore

/// How the runner pods that execute the team are deployed.
public struct RunnerSettings: Sendable, Hashable, Codable {
    public var image: String?
    public var imagePullPolicy: ImagePullPolicy?
    public var replicas: Int32?
    public var autoscaling: Autoscaling?
    public var disruption: DisruptionBudget?
    public var resources: ResourceRequirements?
    public var nodeSelector: [String: String]?
    public var tolerations: [Toleration]?
    public var affinity: JSONValue?
    public var topologySpreadConstraints: [JSONValue]?
    public var priorityClassName: String?
    public var serviceAccountName: String?
    public var env: [EnvVar]?
    public var podAnnotations: [String: String]?
    public var podLabels: [String: String]?

    public init(
        image: String? = nil, imagePullPolicy: ImagePullPolicy? = nil, replicas: Int32? = nil,
        autoscaling: Autoscaling? = nil, disruption: DisruptionBudget? = nil, resources: ResourceRequirements? = nil,
        nodeSelector: [String: String]? = nil, tolerations: [Toleration]? = nil, affinity: JSONValue? = nil,
        topologySpreadConstraints: [JSONValue]? = nil, priorityClassName: String? = nil,
        serviceAccountName: String? = nil, env: [EnvVar]? = nil, podAnnotations: [String: String]? = nil,
        podLabels: [String: String]? = nil
    ) {
        self.image = image
        self.imagePullPolicy = imagePullPolicy
        self.replicas = replicas
        self.autoscaling = autoscaling
        self.disruption = disruption
        self.resources = resources
        self.nodeSelector = nodeSelector
        self.tolerations = tolerations
        self.affinity = affinity
        self.topologySpreadConstraints = topologySpreadConstraints
        self.priorityClassName = priorityClassName
        self.serviceAccountName = serviceAccountName
        self.env = env
        self.podAnnotations = podAnnotations
        self.podLabels = podLabels
    }

    public static let defaultReplicas: Int32 = 1
    /// Labels under this prefix select the runner pods; the operator sets them.
    public static let reservedLabelPrefix = "app.kubernetes.io/"

    /// The fewest runner pods this configuration asks for.
    public var minimumReplicas: Int32 {
        autoscaling.map { $0.minReplicas ?? Autoscaling.defaultMinReplicas } ?? replicas ?? Self.defaultReplicas
    }

    /// More than one runner may serve at once, so state must be shared between pods.
    public var mayRunSeveralReplicas: Bool {
        autoscaling != nil || (replicas ?? Self.defaultReplicas) > 1
    }

    public func defaulted() -> RunnerSettings {
        var runner = self
        runner.autoscaling = autoscaling?.defaulted()
        if autoscaling == nil {
            runner.replicas = replicas ?? Self.defaultReplicas
        }
        if disruption == nil, runner.minimumReplicas >= 2 {
            runner.disruption = DisruptionBudget(maxUnavailable: 1)
        }
        return runner
    }

    public static let crossFieldRules: [CrossFieldRule<RunnerSettings>] = [
        CrossFieldRule(
            cel: "!(has(self.replicas) && has(self.autoscaling))",
            message: "replicas and autoscaling are mutually exclusive: the autoscaler owns the replica count",
            fieldPath: ".replicas", reason: .fieldValueForbidden,
            holds: { !($0.replicas != nil && $0.autoscaling != nil) }),
        CrossFieldRule(
            cel: "!has(self.podLabels) || self.podLabels.all(k, !k.startsWith('\(reservedLabelPrefix)'))",
            message: "podLabels must not use the \(reservedLabelPrefix) prefix, which selects the runner pods",
            fieldPath: ".podLabels", reason: .fieldValueForbidden,
            holds: { ($0.podLabels ?? [:]).keys.allSatisfy { !$0.hasPrefix(reservedLabelPrefix) } }),
    ]

    func crossFieldViolations(at path: FieldPath) -> [ValidationError] {
        var errors = Self.crossFieldRules.violations(by: self, at: path)
        if let autoscaling {
            errors += Autoscaling.crossFieldRules.violations(by: autoscaling, at: path.child("autoscaling"))
        }
        if let disruption {
            errors += DisruptionBudget.crossFieldRules.violations(by: disruption, at: path.child("disruption"))
        }
        for (index, toleration) in (tolerations ?? []).enumerated() {
            errors += Toleration.crossFieldRules.violations(by: toleration, at: path.child("tolerations").index(index))
        }
        for (index, variable) in (env ?? []).enumerated() {
            errors += variable.crossFieldViolations(at: path.child("env").index(index))
        }
        return errors
    }
}

extension RunnerSettings: SchemaDescribed {
    public static var schema: Schema {
        let labelValues = Schema.string("A label value.").maxLength(63)
        return .object(
            "How the runner pods are deployed. Set replicas or autoscaling, not both; with neither, one replica runs.",
            properties: [
                "image": .string("Runner container image. Defaults to the image of the operator's release.")
                    .minLength(1).maxLength(1024),
                "imagePullPolicy": .enumeration(ImagePullPolicy.self, "When the kubelet pulls the image."),
                "replicas": .int32("Fixed number of runner pods. Excludes autoscaling.").range(0...1000),
                "autoscaling": .field(Autoscaling.self, "Scale the runners with a HorizontalPodAutoscaler. Excludes replicas."),
                "disruption": .field(DisruptionBudget.self, "PodDisruptionBudget of the runners."),
                "resources": .field(ResourceRequirements.self, "CPU and memory of the runner container."),
                "nodeSelector": .map(
                    "Labels a node must have for runner pods to be scheduled onto it.", values: labelValues
                ).maxProperties(64),
                "tolerations": .array("Taints the runner pods tolerate.", of: Toleration.schema).maxItems(32),
                "affinity": .freeformObject("Pod affinity and anti-affinity, as a Pod's spec.affinity."),
                "topologySpreadConstraints": .array(
                    "How runner pods spread across zones or nodes, as a Pod's spec.topologySpreadConstraints.",
                    of: .freeformObject("A topology spread constraint.")
                ).maxItems(8),
                "priorityClassName": .string("PriorityClass of the runner pods.")
                    .pattern(NamePattern.dnsSubdomain).maxLength(NamePattern.dnsSubdomainMaxLength),
                "serviceAccountName": .string(
                    "ServiceAccount the runner pods run as. Defaults to one the operator creates for the team, with no API permissions."
                ).pattern(NamePattern.dnsSubdomain).maxLength(NamePattern.dnsSubdomainMaxLength),
                "env": .array("Extra environment variables of the runner container.", of: EnvVar.schema)
                    .listMap(keys: ["name"]).maxItems(64),
                "podAnnotations": .map(
                    "Annotations added to the runner pods, for example for a service mesh or log shipper.",
                    values: .string("An annotation value.").maxLength(65536)
                ).maxProperties(64),
                "podLabels": .map(
                    "Labels added to the runner pods. Keys under app.kubernetes.io/ are reserved.", values: labelValues
                ).maxProperties(64),
            ]
        ).validated(by: crossFieldRules)
    }
}
