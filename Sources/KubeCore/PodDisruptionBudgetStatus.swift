/// The observed state of a PodDisruptionBudget.
public struct PodDisruptionBudgetStatus: Codable, Sendable, Hashable {
    public var observedGeneration: Int64?
    public var disruptionsAllowed: Int32
    public var currentHealthy: Int32
    public var desiredHealthy: Int32
    public var expectedPods: Int32
    public var disruptedPods: [String: Time]?
    public var conditions: [Condition]?

    public init(
        observedGeneration: Int64? = nil, disruptionsAllowed: Int32 = 0, currentHealthy: Int32 = 0,
        desiredHealthy: Int32 = 0, expectedPods: Int32 = 0, disruptedPods: [String: Time]? = nil,
        conditions: [Condition]? = nil
    ) {
        self.observedGeneration = observedGeneration
        self.disruptionsAllowed = disruptionsAllowed
        self.currentHealthy = currentHealthy
        self.desiredHealthy = desiredHealthy
        self.expectedPods = expectedPods
        self.disruptedPods = disruptedPods
        self.conditions = conditions
    }

    private enum CodingKeys: String, CodingKey {
        case observedGeneration, disruptionsAllowed, currentHealthy, desiredHealthy, expectedPods, disruptedPods, conditions
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.observedGeneration = try container.decodeIfPresent(Int64.self, forKey: .observedGeneration)
        self.disruptionsAllowed = try container.decodeIfPresent(Int32.self, forKey: .disruptionsAllowed) ?? 0
        self.currentHealthy = try container.decodeIfPresent(Int32.self, forKey: .currentHealthy) ?? 0
        self.desiredHealthy = try container.decodeIfPresent(Int32.self, forKey: .desiredHealthy) ?? 0
        self.expectedPods = try container.decodeIfPresent(Int32.self, forKey: .expectedPods) ?? 0
        self.disruptedPods = try container.decodeIfPresent([String: Time].self, forKey: .disruptedPods)
        self.conditions = try container.decodeIfPresent([Condition].self, forKey: .conditions)
    }
}
