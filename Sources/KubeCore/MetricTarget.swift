/// The value a metric should have: `Utilization`, `Value` or `AverageValue`.
public struct MetricTarget: Codable, Sendable, Hashable {
    public var `type`: String
    public var value: Quantity?
    public var averageValue: Quantity?
    public var averageUtilization: Int32?

    public init(
        type: String, value: Quantity? = nil, averageValue: Quantity? = nil, averageUtilization: Int32? = nil
    ) {
        self.type = `type`
        self.value = value
        self.averageValue = averageValue
        self.averageUtilization = averageUtilization
    }
}
