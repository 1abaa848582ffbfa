/// How a Deployment replaces pods: `RollingUpdate` or `Recreate`.
public struct DeploymentStrategy: Codable, Sendable, Hashable {
    public var `type`: String?
    public var rollingUpdate: RollingUpdateDeployment?

    public init(type: String? = nil, rollingUpdate: RollingUpdateDeployment? = nil) {
        self.type = `type`
        self.rollingUpdate = rollingUpdate
    }
}
