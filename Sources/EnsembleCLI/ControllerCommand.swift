import EnsembleSupport
import Foundation
import KubeClient

/// `ensemble controller`: the operator's manager.
enum ControllerCommand {
    static let command = Command(
        name: "controller",
        summary: "Run the Ensemble controller manager against a cluster.",
        discussion: """
            Reconcilers arrive with later releases; today it maintains caches, leader election, probes and metrics.
            It watches AgentTeams and AgentSessions (ensemble.dev/v1alpha1) into caches, and logs at debug level each
            object it would reconcile through controllers whose reconcile is a no-op that only records it as observed.

            Configuration: --kubeconfig, else KUBECONFIG, else in-cluster (service account), else ~/.kube/config.
            Leader election uses a coordination.k8s.io/v1 Lease (15s lease, 10s renew deadline, 2s retry); the
            controllers run only on the leader, and the Lease is released on SIGTERM or SIGINT.

            Probes: /healthz answers 200 while the process runs; /readyz answers 200 once the caches are synced
            and, with leader election, the elector runs (leading or standing by). /metrics serves Prometheus text
            (controller_runtime_reconcile_*, workqueue_*) on its own address.

            --health-probe-bind-address defaults to :8081 (every interface, so the kubelet can probe the pod)
            in-cluster and to 127.0.0.1:8081 elsewhere. An empty host (":8081") means every interface.
            """,
        options: [
            .string("kubeconfig", valueName: "file", help: "Path to a kubeconfig file."),
            .string("context", valueName: "name", help: "The kubeconfig context to use instead of the current one."),
            .string("namespace", valueName: "name", help: "Watch only this namespace (default: all namespaces)."),
            .flag("leader-elect", help: "Elect a leader through a Lease so that only one replica reconciles.", default: true),
            .string("leader-election-id", valueName: "name", help: "Name of the leader election Lease.", default: "ensemble-controller"),
            .string("leader-election-namespace", valueName: "name",
                help: "Namespace of the leader election Lease (default: the in-cluster namespace, else default)."),
            .string("health-probe-bind-address", valueName: "host:port",
                help: "Address of /healthz and /readyz (default :8081 in-cluster, else 127.0.0.1:8081)."),
            .string("metrics-bind-address", valueName: "host:port", help: "Address of /metrics.", default: "127.0.0.1:8080"),
            .string("log-level", valueName: "level", help: "Least severe level to log.", default: "info",
                allowed: ["trace", "debug", "info", "notice", "warning", "error", "critical"]),
        ],
        action: run)

    private static func run(_ invocation: Invocation) async throws -> ExitCode {
        let values = invocation.values
        let logger = Logger(
            label: "ensemble.controller", minimumLevel: LogLevel(parsing: values.string("log-level") ?? "info") ?? .info,
            handler: JSONLinesLogHandler())
        let kubeconfig = values.string("kubeconfig")
        let context = values.string("context")
        let loader = ConfigurationLoader(environment: invocation.environment)
        let configuration = try loader.load(kubeconfig: kubeconfig, context: context)
        let inCluster = kubeconfig == nil && context == nil && (invocation.environment["KUBECONFIG"] ?? "").isEmpty
            && invocation.environment["KUBERNETES_SERVICE_HOST"] != nil

        let probeText = values.string("health-probe-bind-address") ?? (inCluster ? ":8081" : "127.0.0.1:8081")
        guard let probeAddress = BindAddress(parsing: probeText) else {
            throw invocation.usageError("--health-probe-bind-address must be host:port, got '\(probeText)'")
        }
        let metricsText = values.string("metrics-bind-address") ?? "127.0.0.1:8080"
        guard let metricsAddress = BindAddress(parsing: metricsText) else {
            throw invocation.usageError("--metrics-bind-address must be host:port, got '\(metricsText)'")
        }
        let election = values.flag("leader-elect")
            ? LeaderElectionOptions(
                leaseName: values.string("leader-election-id") ?? "ensemble-controller",
                leaseNamespace: values.string("leader-election-namespace") ?? (inCluster ? configuration.namespace : "default"),
                identity: "\(ProcessInfo.processInfo.hostName)_\(UUID().uuidString.lowercased())")
            : nil
        let options = ManagerOptions(
            namespace: values.string("namespace"), leaderElection: election, healthProbeAddress: probeAddress,
            metricsAddress: metricsAddress)

        let client = KubeClient(configuration: configuration)
        defer { client.shutdown() }
        logger.info(
            "starting the controller manager",
            metadata: [
                "server": .string(configuration.server),
                "namespace": .string(options.namespace ?? "(all)"),
                "leaderElection": election.map { .string("\($0.leaseNamespace)/\($0.leaseName)") } ?? .bool(false),
            ])
        try await ControllerManager(client: client, options: options, logger: logger).run()
        logger.info("the controller manager stopped")
        return .success
    }
}
