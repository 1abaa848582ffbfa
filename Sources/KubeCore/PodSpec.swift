import EnsembleSupport

/// The part of a pod's spec Ensemble sets; scheduling fields it passes through are kept as JSON.
public struct PodSpec: Codable, Sendable, Hashable {
    public var containers: [Container]
    public var initContainers: [Container]?
    public var volumes: [Volume]?
    public var serviceAccountName: String?
    public var automountServiceAccountToken: Bool?
    public var securityContext: PodSecurityContext?
    public var nodeSelector: [String: String]?
    public var tolerations: [Toleration]?
    public var affinity: JSONValue?
    public var topologySpreadConstraints: [JSONValue]?
    public var priorityClassName: String?
    public var terminationGracePeriodSeconds: Int64?
    public var restartPolicy: String?
    public var imagePullSecrets: [LocalObjectReference]?
    public var enableServiceLinks: Bool?

    public init(
        containers: [Container] = [], initContainers: [Container]? = nil, volumes: [Volume]? = nil,
        serviceAccountName: String? = nil, automountServiceAccountToken: Bool? = nil,
        securityContext: PodSecurityContext? = nil, nodeSelector: [String: String]? = nil,
        tolerations: [Toleration]? = nil, affinity: JSONValue? = nil, topologySpreadConstraints: [JSONValue]? = nil,
        priorityClassName: String? = nil, terminationGracePeriodSeconds: Int64? = nil, restartPolicy: String? = nil,
        imagePullSecrets: [LocalObjectReference]? = nil, enableServiceLinks: Bool? = nil
    ) {
        self.containers = containers
        self.initContainers = initContainers
        self.volumes = volumes
        self.serviceAccountName = serviceAccountName
        self.automountServiceAccountToken = automountServiceAccountToken
        self.securityContext = securityContext
        self.nodeSelector = nodeSelector
        self.tolerations = tolerations
        self.affinity = affinity
        self.topologySpreadConstraints = topologySpreadConstraints
        self.priorityClassName = priorityClassName
        self.terminationGracePeriodSeconds = terminationGracePeriodSeconds
        self.restartPolicy = restartPolicy
        self.imagePullSecrets = imagePullSecrets
        self.enableServiceLinks = enableServiceLinks
    }

    private enum CodingKeys: String, CodingKey {
        case containers, initContainers, volumes, serviceAccountName, automountServiceAccountToken, securityContext, nodeSelector, tolerations, affinity, topologySpreadConstraints, priorityClassName, terminationGracePeriodSeconds, restartPolicy, imagePullSecrets, enableServiceLinks
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.containers = try container.decodeIfPresent([Container].self, forKey: .containers) ?? []
        self.initContainers = try container.decodeIfPresent([Container].self, forKey: .initContainers)
        self.volumes = try container.decodeIfPresent([Volume].self, forKey: .volumes)
        self.serviceAccountName = try container.decodeIfPresent(String.self, forKey: .serviceAccountName)
        self.automountServiceAccountToken = try container.decodeIfPresent(Bool.self, forKey: .automountServiceAccountToken)
        self.securityContext = try container.decodeIfPresent(PodSecurityContext.self, forKey: .securityContext)
        self.nodeSelector = try container.decodeIfPresent([String: String].self, forKey: .nodeSelector)
        self.tolerations = try container.decodeIfPresent([Toleration].self, forKey: .tolerations)
        self.affinity = try container.decodeIfPresent(JSONValue.self, forKey: .affinity)
        self.topologySpreadConstraints = try container.decodeIfPresent([JSONValue].self, forKey: .topologySpreadConstraints)
        self.priorityClassName = try container.decodeIfPresent(String.self, forKey: .priorityClassName)
        self.terminationGracePeriodSeconds = try container.decodeIfPresent(Int64.self, forKey: .terminationGracePeriodSeconds)
        self.restartPolicy = try container.decodeIfPresent(String.self, forKey: .restartPolicy)
        self.imagePullSecrets = try container.decodeIfPresent([LocalObjectReference].self, forKey: .imagePullSecrets)
        self.enableServiceLinks = try container.decodeIfPresent(Bool.self, forKey: .enableServiceLinks)
    }
}
