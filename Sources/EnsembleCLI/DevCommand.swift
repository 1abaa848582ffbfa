import EnsembleAPI
import EnsembleSupport
import Foundation
import HTTP
import KubeTesting

/// `ensemble dev`: tools for developing against Ensemble without a cluster.
enum DevCommand {
    static let command = Command(
        name: "dev",
        summary: "Development tools: a local Kubernetes API emulator.",
        subcommands: [apiserver])

    static let apiserver = Command(
        name: "apiserver",
        summary: "Serve the Kubernetes API emulator on a local address.",
        discussion: """
            Serves Ensemble's Kubernetes API emulator (the one its tests use) over plain HTTP:
            discovery, namespaces, ConfigMaps, Secrets, ServiceAccounts, Services, Events, Deployments,
            HorizontalPodAutoscalers, PodDisruptionBudgets, Leases and any CustomResourceDefinition created
            through it, with watches, server-side apply, finalizers and garbage collection. State lives in
            memory and is gone when the process stops.

            With --kubeconfig-out, writes a kubeconfig for kubectl and clients:
              ensemble dev apiserver --install-crds --kubeconfig-out /tmp/ensemble.kubeconfig
              KUBECONFIG=/tmp/ensemble.kubeconfig kubectl apply -f config/samples/
            kubectl's apply, create, replace, edit, get (-o yaml, -w), label, annotate, patch, scale, wait,
            explain (custom resources) and delete work. Fields are validated on the server, from the CRD
            schemas; built-in kinds are stored as sent, without a schema check.

            Stops gracefully on SIGTERM or SIGINT.
            """,
        options: [
            .string("listen", valueName: "host:port", help: "Address to listen on (loopback only by default).", default: "127.0.0.1:8001"),
            .string("kubeconfig-out", valueName: "file", help: "Write a kubeconfig pointing at the emulator to this file."),
            .int("watch-history", valueName: "n", help: "Changes kept for watches; older resourceVersions get 410 Gone.", default: 10000),
            .duration("bookmark-interval", help: "How often idle watches that allow bookmarks get one.", default: .seconds(5)),
            .flag("garbage-collection", help: "Delete dependents through ownerReferences, as a cluster does.", default: true),
            .flag("install-crds", help: "Create Ensemble's CustomResourceDefinitions at start."),
            .string("log-level", valueName: "level", help: "Least severe level to log.", default: "info",
                allowed: ["trace", "debug", "info", "notice", "warning", "error", "critical"]),
        ],
        action: run)

    private static func run(_ invocation: Invocation) async throws -> ExitCode {
        let values = invocation.values
        let listen = values.string("listen") ?? "127.0.0.1:8001"
        guard let separator = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: separator)...]) else {
            throw invocation.usageError("--listen must be host:port, got '\(listen)'")
        }
        let host = String(listen[..<separator]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        let logger = Logger(
            label: "ensemble.dev.apiserver", minimumLevel: LogLevel(parsing: values.string("log-level") ?? "info") ?? .info,
            handler: JSONLinesLogHandler())
        let emulator = KubeAPIEmulator(
            configuration: .init(
                host: host, port: port, watchHistory: max(1, values.int("watch-history") ?? 10_000),
                bookmarkInterval: values.duration("bookmark-interval") ?? .seconds(5),
                garbageCollection: values.flag("garbage-collection")),
            logger: logger)
        let url = try emulator.start()
        if values.flag("install-crds") {
            try await install(EnsembleCRDs.all(), into: emulator)
        }
        if let path = values.string("kubeconfig-out") {
            try emulator.kubeconfig().write(toFile: path, atomically: true, encoding: .utf8)
        }
        logger.info("serving the Kubernetes API emulator", metadata: [
            "url": .string(url), "kubeconfig": values.string("kubeconfig-out").map(JSONValue.string) ?? .null,
        ])
        try await ServiceGroup(services: [emulator], logger: logger).run()
        return .success
    }

    private static func install(_ crds: [JSONValue], into emulator: KubeAPIEmulator) async throws {
        for crd in crds {
            let response = await emulator.handle(HTTPServerRequest(
                method: .post, path: "/apis/apiextensions.k8s.io/v1/customresourcedefinitions",
                headers: ["Content-Type": "application/json"], body: JSONText.data(crd)))
            guard response.status == 201, case .bytes = response.body else {
                var message = "status \(response.status)"
                if case .bytes(let body) = response.body { message = String(decoding: body, as: UTF8.self) }
                throw DevCommandError(message: "installing \(crd["metadata"]?["name"]?.stringValue ?? "a CRD") failed: \(message)")
            }
        }
    }
}

struct DevCommandError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
