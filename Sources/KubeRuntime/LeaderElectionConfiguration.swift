/// Leader election timing, with client-go's and controller-runtime's defaults (15 s / 10 s / 2 s).
public struct LeaderElectionConfiguration: Sendable, Hashable {
    /// Who this candidate is, unique among candidates (typically the pod name plus a random suffix).
    public var identity: String
    /// How long others wait, from the last renewal they observed, before taking the lease over.
    public var leaseDuration: Duration
    /// How long the leader keeps trying to renew before it gives up leading; shorter than `leaseDuration`.
    public var renewDeadline: Duration
    /// The interval between attempts to acquire or renew.
    public var retryPeriod: Duration
    /// Whether a graceful stop hands the lease back at once, instead of letting it expire.
    public var releaseOnCancel: Bool

    public init(
        identity: String, leaseDuration: Duration = .seconds(15), renewDeadline: Duration = .seconds(10),
        retryPeriod: Duration = .seconds(2), releaseOnCancel: Bool = true
    ) {
        precondition(leaseDuration > renewDeadline, "the lease duration must exceed the renew deadline")
        precondition(renewDeadline > retryPeriod, "the renew deadline must exceed the retry period")
        precondition(!identity.isEmpty, "a leader election identity cannot be empty")
        self.identity = identity
        self.leaseDuration = leaseDuration
        self.renewDeadline = renewDeadline
        self.retryPeriod = retryPeriod
        self.releaseOnCancel = releaseOnCancel
    }

    var leaseDurationSeconds: Int { Int((leaseDuration / .seconds(1)).rounded(.up)) }
}
