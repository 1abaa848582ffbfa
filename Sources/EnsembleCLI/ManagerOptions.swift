/// What `ensemble controller` was asked to do, once its flags are read.
struct ManagerOptions: Sendable {
    /// nil watches every namespace.
    var namespace: String?
    /// nil runs without leader election.
    var leaderElection: LeaderElectionOptions?
    var healthProbeAddress: BindAddress
    var metricsAddress: BindAddress
}

struct LeaderElectionOptions: Sendable {
    var leaseName: String
    var leaseNamespace: String
    var identity: String
}
