import EnsembleAPI
import EnsembleSupport
import Foundation
import HTTP
import KubeClient
import KubeCore
import KubeRuntime
import KubeRuntimeClient

/// Hosts the runtime as controller-runtime's manager does: caches of AgentTeams, AgentSessions and the
/// election Lease run from the start; the controllers run only while this replica leads (or always, without
/// leader election); probes and metrics are served on their own addresses; cancellation stops everything
/// and releases the Lease.
///
/// Reconcilers arrive with later releases: each controller's reconcile only logs the key it observed.
final class ControllerManager: Sendable {
    static let teams = GroupVersionResource(group: EnsembleGroup.name, version: EnsembleGroup.version, resource: "agentteams")
    static let sessions = GroupVersionResource(group: EnsembleGroup.name, version: EnsembleGroup.version, resource: "agentsessions")

    let options: ManagerOptions
    let metrics = MetricsRegistry()
    private let logger: Logger
    private let teamWatcher: Watcher<DynamicListWatchSource>
    private let sessionWatcher: Watcher<DynamicListWatchSource>
    private let leaseWatcher: Watcher<TypedListWatchSource<Lease>>?
    private let controllers: [Controller<ObjectKey>]
    private let elector: ObservedService?

    init(client: KubeClient, options: ManagerOptions, logger: Logger) {
        self.options = options
        self.logger = logger
        let scope = ResourceScope(namespace: options.namespace)
        teamWatcher = Watcher(
            name: "agentteams", source: DynamicListWatchSource(client: client, resource: Self.teams, scope: scope),
            logger: logger)
        sessionWatcher = Watcher(
            name: "agentsessions", source: DynamicListWatchSource(client: client, resource: Self.sessions, scope: scope),
            logger: logger)
        let teamController = Self.observingController("agentteam", metrics: metrics, logger: logger)
        teamController.watchPrimary(teamWatcher)
        let sessionController = Self.observingController("agentsession", metrics: metrics, logger: logger)
        sessionController.watchPrimary(sessionWatcher)
        let controllers = [teamController, sessionController]
        self.controllers = controllers

        if let election = options.leaderElection {
            leaseWatcher = Watcher(
                name: "lease",
                source: TypedListWatchSource<Lease>(
                    client: client,
                    scope: ResourceScope(namespace: election.leaseNamespace, fieldSelector: "metadata.name=\(election.leaseName)")),
                logger: logger)
            let electionConfiguration = LeaderElectionConfiguration(identity: election.identity)
            let leaseStore = KubeLeaseStore(
                client: Self.leaseClient(client, renewDeadline: electionConfiguration.renewDeadline),
                namespace: election.leaseNamespace, name: election.leaseName)
            elector = ObservedService(
                LeaderElector(
                    configuration: electionConfiguration, store: leaseStore,
                    logger: logger
                ) {
                    await Self.runUntilCancelled(controllers)
                })
        } else {
            leaseWatcher = nil
            elector = nil
        }
    }

    /// Lease requests never outlast half the renew deadline and are not retried by the client: a renewal that
    /// hangs fails in time for the leader to step down before its lease expires (the elector retries on its own).
    static func leaseClient(_ client: KubeClient, renewDeadline: Duration) -> KubeClient {
        var configuration = client.configuration
        configuration.requestTimeout = renewDeadline / 2
        configuration.retry = .never
        return KubeClient(configuration: configuration)
    }

    /// Ready once every cache holds a first list and, with leader election, the elector runs (leading or standing by).
    var isReady: Bool {
        let cachesSynced = teamWatcher.store.isSynced && sessionWatcher.store.isSynced
            && (leaseWatcher?.store.isSynced ?? true)
        return cachesSynced && (elector?.isRunning ?? true)
    }

    /// Runs until SIGTERM or SIGINT (or until leadership is lost, which ends the process as client-go's elector does).
    func run() async throws {
        let probes = HTTPServer(
            configuration: HTTPServerConfiguration(host: options.healthProbeAddress.host, port: options.healthProbeAddress.port),
            handler: probeRouter().handler)
        let metricsServer = HTTPServer(
            configuration: HTTPServerConfiguration(host: options.metricsAddress.host, port: options.metricsAddress.port),
            handler: metricsRouter().handler)
        try probes.start()
        try metricsServer.start()
        logger.info(
            "serving probes and metrics",
            metadata: [
                "healthProbeAddress": .string("\(options.healthProbeAddress.host):\(probes.port)"),
                "metricsAddress": .string("\(options.metricsAddress.host):\(metricsServer.port)"),
            ])
        var services: [any EnsembleSupport.Service] = [probes, metricsServer, teamWatcher, sessionWatcher]
        if let leaseWatcher { services.append(leaseWatcher) }
        if let elector {
            services.append(elector)
        } else {
            services.append(contentsOf: controllers as [any EnsembleSupport.Service])
        }
        try await ServiceGroup(services: services, logger: logger).run()
    }

    private func probeRouter() -> Router {
        var router = Router()
        router.add(.get, "/healthz") { _ in .text("ok\n") }
        router.add(.get, "/readyz") { [weak self] _ in
            (self?.isReady ?? false) ? .text("ok\n") : .text("not ready: caches syncing or elector not running\n", status: 503)
        }
        return router
    }

    private func metricsRouter() -> Router {
        var router = Router()
        let metrics = metrics
        router.add(.get, "/metrics") { _ in
            HTTPServerResponse(
                status: 200, headers: ["Content-Type": PrometheusTextFormat.contentType],
                body: .bytes(Data(PrometheusTextFormat.render(metrics).utf8)))
        }
        return router
    }

    private static func observingController(_ name: String, metrics: MetricsRegistry, logger: Logger) -> Controller<ObjectKey> {
        Controller(name: name, workers: 1, logger: logger, metrics: metrics) { key, context in
            context.logger.debug("observed", metadata: ["object": .string(key.description)])
            return .done
        }
    }

    private static func runUntilCancelled(_ controllers: [Controller<ObjectKey>]) async {
        await withTaskGroup(of: Void.self) { group in
            for controller in controllers {
                group.addTask { try? await controller.run() }
            }
        }
    }
}
