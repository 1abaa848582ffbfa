/// At most `value` pods (or percent) per `periodSeconds`.
public struct HPAScalingPolicy: Codable, Sendable, Hashable {
    public var `type`: String
    public var value: Int32
    public var periodSeconds: Int32

    public init(type: String, value: Int32, periodSeconds: Int32) {
        self.type = `type`
        self.value = value
        self.periodSeconds = periodSeconds
    }
}
