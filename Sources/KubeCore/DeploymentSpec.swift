/// The desired state of a Deployment. `replicas` is left unset when an autoscaler owns it.
public struct DeploymentSpec: Codable, Sendable, Hashable {
    public var replicas: Int32?
    public var selector: LabelSelector
    public var template: PodTemplateSpec
    public var strategy: DeploymentStrategy?
    public var minReadySeconds: Int32?
    public var revisionHistoryLimit: Int32?
    public var progressDeadlineSeconds: Int32?
    public var paused: Bool?

    public init(
        replicas: Int32? = nil, selector: LabelSelector = LabelSelector(),
        template: PodTemplateSpec = PodTemplateSpec(), strategy: DeploymentStrategy? = nil,
        minReadySeconds: Int32? = nil, revisionHistoryLimit: Int32? = nil, progressDeadlineSeconds: Int32? = nil,
        paused: Bool? = nil
    ) {
        self.replicas = replicas
        self.selector = selector
        self.template = template
        self.strategy = strategy
        self.minReadySeconds = minReadySeconds
        self.revisionHistoryLimit = revisionHistoryLimit
        self.progressDeadlineSeconds = progressDeadlineSeconds
        self.paused = paused
    }

    private enum CodingKeys: String, CodingKey {
        case replicas, selector, template, strategy, minReadySeconds, revisionHistoryLimit, progressDeadlineSeconds, paused
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.replicas = try container.decodeIfPresent(Int32.self, forKey: .replicas)
        self.selector = try container.decodeIfPresent(LabelSelector.self, forKey: .selector) ?? LabelSelector()
        self.template = try container.decodeIfPresent(PodTemplateSpec.self, forKey: .template) ?? PodTemplateSpec()
        self.strategy = try container.decodeIfPresent(DeploymentStrategy.self, forKey: .strategy)
        self.minReadySeconds = try container.decodeIfPresent(Int32.self, forKey: .minReadySeconds)
        self.revisionHistoryLimit = try container.decodeIfPresent(Int32.self, forKey: .revisionHistoryLimit)
        self.progressDeadlineSeconds = try container.decodeIfPresent(Int32.self, forKey: .progressDeadlineSeconds)
        self.paused = try container.decodeIfPresent(Bool.self, forKey: .paused)
    }
}
