import Foundation
import Synchronization
import EnsembleSupport
import HTTP

/// A Kubernetes API server emulator, faithful to the documented API semantics, for tests and `ensemble dev apiserver`.
///
/// It serves discovery, the built-in resources Ensemble uses and any CustomResourceDefinition created through it,
/// with resource versions, generation, finalizers, garbage collection, watches with bookmarks and bounded history,
/// paginated lists, selectors, all four patch types and server-side apply. `faults` injects failures.
public final class KubeAPIEmulator: Sendable {
    public struct Configuration: Sendable {
        public var host: String
        public var port: Int
        /// Changes kept for watches; a watch from an older revision gets 410 Gone.
        public var watchHistory: Int
        /// How often an idle watch that asked for bookmarks gets one.
        public var bookmarkInterval: Duration
        /// Delete dependents through ownerReferences, as kube-controller-manager's garbage collector does.
        public var garbageCollection: Bool
        public var maximumBodyBytes: Int

        public init(
            host: String = "127.0.0.1", port: Int = 0, watchHistory: Int = 10_000,
            bookmarkInterval: Duration = .seconds(5), garbageCollection: Bool = true, maximumBodyBytes: Int = 3 << 20
        ) {
            self.host = host
            self.port = port
            self.watchHistory = watchHistory
            self.bookmarkInterval = bookmarkInterval
            self.garbageCollection = garbageCollection
            self.maximumBodyBytes = maximumBodyBytes
        }
    }

    public let configuration: Configuration
    public let faults = FaultInjector()
    let state: Mutex<EmulatorState>
    private let server = Mutex<HTTPServer?>(nil)
    let logger: Logger?

    public init(configuration: Configuration = Configuration(), logger: Logger? = nil) {
        self.configuration = configuration
        self.logger = logger
        var initial = EmulatorState(historyLimit: max(1, configuration.watchHistory))
        Self.seedNamespaces(&initial)
        state = Mutex(initial)
    }

    /// Starts serving on the configured address; returns the base URL.
    @discardableResult
    public func start() throws -> String {
        let http = HTTPServer(
            configuration: HTTPServerConfiguration(
                host: configuration.host, port: configuration.port, maximumBodyBytes: configuration.maximumBodyBytes,
                connectionTimeout: .seconds(600), shutdownGracePeriod: .seconds(2),
                payloadTooLargeResponse: { limit in
                    Self.response(for: APIError(
                        code: 413, reason: "RequestEntityTooLarge",
                        message: "Request entity too large: limit is \(limit)"))
                }),
            handler: { [self] request in await handle(request) })
        try http.start()
        server.withLock { $0 = http }
        return baseURL
    }

    public var baseURL: String {
        let port = server.withLock { $0?.port ?? configuration.port }
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        return "http://\(host):\(port)"
    }

    /// Closes open watches and stops serving.
    public func shutdown() async {
        state.withLock { state in state.watches.values.forEach { $0.close() } }
        await server.withLock { $0 }?.shutdown()
    }

    /// Serves until cancelled, then shuts down.
    public func run() async throws {
        if server.withLock({ $0 == nil }) { try start() }
        while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
        await shutdown()
    }

    /// Forgets all watch history now: watches resuming from any earlier revision get 410 Gone.
    public func compactHistory() {
        state.withLock { $0.compact() }
    }

    /// Cuts every open watch stream now; with `midEvent`, each stream sends half of its next event (the one queued,
    /// or else the next change it sees) and then breaks its connection.
    public func cutWatches(midEvent: Bool = false) {
        state.withLock { state in state.watches.values.forEach { $0.cut(partial: midEvent) } }
    }

    /// A kubeconfig that points kubectl and clients at this emulator.
    public func kubeconfig(namespace: String = "default") -> String {
        YAML.emit([
            "apiVersion": "v1", "kind": "Config", "current-context": "ensemble-dev",
            "clusters": [["name": "ensemble-dev", "cluster": ["server": .string(baseURL)]]],
            "users": [["name": "ensemble-dev", "user": ["token": "ensemble-dev"]]],
            "contexts": [[
                "name": "ensemble-dev",
                "context": ["cluster": "ensemble-dev", "user": "ensemble-dev", "namespace": .string(namespace)],
            ]],
        ])
    }

    private static func seedNamespaces(_ state: inout EmulatorState) {
        let namespaces = state.resource(group: "", version: "v1", plural: "namespaces")!
        for name in ["default", "kube-system", "kube-public", "kube-node-lease"] {
            let object: JSONValue = [
                "apiVersion": "v1", "kind": "Namespace",
                "metadata": [
                    "name": .string(name), "uid": .string(UUID().uuidString.lowercased()),
                    "creationTimestamp": .string(Timestamps.now()),
                    "labels": ["kubernetes.io/metadata.name": .string(name)],
                ],
                "spec": ["finalizers": ["kubernetes"]], "status": ["phase": "Active"],
            ]
            _ = state.commit(.added, namespaces, ObjectKey(namespace: "", name: name), object, previous: nil)
        }
    }
}

extension KubeAPIEmulator: Service {
    public var name: String { "kube-api-emulator" }
}

enum Timestamps {
    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}
