/// One container of a pod.
public struct Container: Codable, Sendable, Hashable {
    public var name: String
    public var image: String?
    public var imagePullPolicy: String?
    public var command: [String]?
    public var args: [String]?
    public var workingDir: String?
    public var ports: [ContainerPort]?
    public var env: [EnvVar]?
    public var envFrom: [EnvFromSource]?
    public var resources: ResourceRequirements?
    public var volumeMounts: [VolumeMount]?
    public var livenessProbe: Probe?
    public var readinessProbe: Probe?
    public var startupProbe: Probe?
    public var securityContext: SecurityContext?
    public var terminationMessagePolicy: String?

    public init(
        name: String, image: String? = nil, imagePullPolicy: String? = nil, command: [String]? = nil,
        args: [String]? = nil, workingDir: String? = nil, ports: [ContainerPort]? = nil, env: [EnvVar]? = nil,
        envFrom: [EnvFromSource]? = nil, resources: ResourceRequirements? = nil, volumeMounts: [VolumeMount]? = nil,
        livenessProbe: Probe? = nil, readinessProbe: Probe? = nil, startupProbe: Probe? = nil,
        securityContext: SecurityContext? = nil, terminationMessagePolicy: String? = nil
    ) {
        self.name = name
        self.image = image
        self.imagePullPolicy = imagePullPolicy
        self.command = command
        self.args = args
        self.workingDir = workingDir
        self.ports = ports
        self.env = env
        self.envFrom = envFrom
        self.resources = resources
        self.volumeMounts = volumeMounts
        self.livenessProbe = livenessProbe
        self.readinessProbe = readinessProbe
        self.startupProbe = startupProbe
        self.securityContext = securityContext
        self.terminationMessagePolicy = terminationMessagePolicy
    }
}
