import EnsembleSupport
import Foundation
import HTTP
import Testing
@testable import KubeTesting

/// One answer from the emulator: status code, body parsed as JSON (`.null` when empty, `.string` when not JSON), headers.
struct EmulatorResponse: Sendable {
    let status: Int
    let body: JSONValue
    let headers: HTTPHeaders
    let raw: Data

    subscript(key: String) -> JSONValue? { body[key] }
    /// `metadata.<key>` of the returned object.
    func metadata(_ key: String) -> JSONValue? { body["metadata"]?[key] }
    /// `reason` of a returned `Status`.
    var reason: String? { body["reason"]?.stringValue }
    var resourceVersion: String? { metadata("resourceVersion")?.stringValue }
    var items: [JSONValue] { body["items"]?.arrayValue ?? [] }
}

/// A started emulator and a loopback HTTP client that talks to it, for conformance tests.
///
/// Paths are relative to the server (`/api/v1/namespaces/default/configmaps`); queries may be part of the path.
final class EmulatorTestClient: Sendable {
    let emulator: KubeAPIEmulator
    let base: String
    let http = HTTPClient()

    init(configuration: KubeAPIEmulator.Configuration = .init()) throws {
        emulator = KubeAPIEmulator(configuration: configuration)
        base = try emulator.start()
    }

    /// Starts an emulator, runs `body` with a client for it, and shuts it down whatever happens.
    static func with<T: Sendable>(
        _ configuration: KubeAPIEmulator.Configuration = .init(),
        _ body: (EmulatorTestClient) async throws -> T
    ) async throws -> T {
        let client = try EmulatorTestClient(configuration: configuration)
        do {
            let result = try await body(client)
            await client.shutdown()
            return result
        } catch {
            await client.shutdown()
            throw error
        }
    }

    func shutdown() async {
        await emulator.shutdown()
        http.shutdown()
    }

    // MARK: verbs

    func get(_ path: String, headers: HTTPHeaders = [:]) async throws -> EmulatorResponse {
        try await send(.get, path, headers: headers)
    }

    func post(_ path: String, _ body: JSONValue, headers: HTTPHeaders = [:]) async throws -> EmulatorResponse {
        try await send(.post, path, body: JSONText.data(body), contentType: "application/json", headers: headers)
    }

    func put(_ path: String, _ body: JSONValue, headers: HTTPHeaders = [:]) async throws -> EmulatorResponse {
        try await send(.put, path, body: JSONText.data(body), contentType: "application/json", headers: headers)
    }

    /// A JSON merge patch by default; pass `contentType` for JSON patch, strategic merge patch or apply.
    func patch(
        _ path: String, _ body: JSONValue, contentType: String = PatchType.merge, headers: HTTPHeaders = [:]
    ) async throws -> EmulatorResponse {
        try await send(.patch, path, body: JSONText.data(body), contentType: contentType, headers: headers)
    }

    /// A server-side apply of `body` (sent as JSON, which is valid YAML) by `fieldManager`.
    func apply(
        _ path: String, _ body: JSONValue, fieldManager: String, force: Bool = false
    ) async throws -> EmulatorResponse {
        let separator = path.contains("?") ? "&" : "?"
        return try await patch(
            "\(path)\(separator)fieldManager=\(fieldManager)\(force ? "&force=true" : "")", body,
            contentType: PatchType.apply)
    }

    /// DELETE, with optional `DeleteOptions` as the body.
    func delete(_ path: String, _ options: JSONValue? = nil) async throws -> EmulatorResponse {
        try await send(.delete, path, body: options.map { JSONText.data($0) }, contentType: "application/json")
    }

    /// Any request with a raw body (for malformed bodies and unusual content types).
    func send(
        _ method: HTTPMethod, _ path: String, body: Data? = nil, contentType: String? = nil,
        headers: HTTPHeaders = [:]
    ) async throws -> EmulatorResponse {
        var allHeaders = headers
        if let contentType, body != nil { allHeaders.replaceOrAdd(name: "Content-Type", value: contentType) }
        let response = try await http.execute(HTTPClientRequest(
            method: method, url: base + path, headers: allHeaders, body: body, timeout: .seconds(60)))
        return EmulatorResponse(
            status: response.status, body: Self.parse(response.body), headers: response.headers, raw: response.body)
    }

    /// Opens a watch (`path` should carry `watch=true` and any other query) and returns its events as they arrive.
    func watch(_ path: String) async throws -> EmulatorWatch {
        let response = try await http.stream(HTTPClientRequest(url: base + path))
        return EmulatorWatch(status: response.status, lines: response.body.lines().makeAsyncIterator())
    }

    private static func parse(_ data: Data) -> JSONValue {
        if data.isEmpty { return .null }
        if let value = try? JSONText.parse(data) { return value }
        return .string(String(decoding: data, as: UTF8.self))
    }
}

/// The events of one watch stream, one JSON line each.
struct EmulatorWatch {
    let status: Int
    var lines: AsyncLineSequence<HTTPBodyStream>.AsyncIterator

    /// The next event, or nil when the stream ended.
    mutating func next() async throws -> JSONValue? {
        while let line = try await lines.next() {
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            return try JSONText.parse(line)
        }
        return nil
    }

    /// The next event that is not a BOOKMARK.
    mutating func nextChange() async throws -> JSONValue? {
        while let event = try await next() {
            if event["type"] != "BOOKMARK" { return event }
        }
        return nil
    }
}

/// Content types of the four patch kinds.
enum PatchType {
    static let merge = "application/merge-patch+json"
    static let json = "application/json-patch+json"
    static let strategic = "application/strategic-merge-patch+json"
    static let apply = "application/apply-patch+yaml"
}

/// Paths and small object builders shared by the conformance suites.
enum Fixtures {
    static func configMaps(_ namespace: String = "default") -> String { "/api/v1/namespaces/\(namespace)/configmaps" }
    static func configMap(_ name: String, namespace: String = "default") -> String { "\(configMaps(namespace))/\(name)" }
    static func deployments(_ namespace: String = "default") -> String { "/apis/apps/v1/namespaces/\(namespace)/deployments" }
    static func deployment(_ name: String, namespace: String = "default") -> String { "\(deployments(namespace))/\(name)" }
    static let namespaces = "/api/v1/namespaces"
    static let crds = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions"

    static func newConfigMap(
        _ name: String, data: [String: JSONValue] = ["key": "value"], labels: [String: JSONValue] = [:],
        extraMetadata: [String: JSONValue] = [:]
    ) -> JSONValue {
        var metadata: [String: JSONValue] = ["name": .string(name)]
        if !labels.isEmpty { metadata["labels"] = .object(labels) }
        metadata.merge(extraMetadata) { _, new in new }
        return ["apiVersion": "v1", "kind": "ConfigMap", "metadata": .object(metadata), "data": .object(data)]
    }

    static func newNamespace(_ name: String) -> JSONValue {
        ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(name)]]
    }

    static func newDeployment(_ name: String, replicas: Int64 = 1, image: String = "nginx:1") -> JSONValue {
        [
            "apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": .string(name)],
            "spec": [
                "replicas": .integer(replicas),
                "selector": ["matchLabels": ["app": .string(name)]],
                "template": [
                    "metadata": ["labels": ["app": .string(name)]],
                    "spec": ["containers": [["name": "main", "image": .string(image)]]],
                ],
            ],
        ]
    }

    /// A namespaced `Widget` CRD in group `test.ensemble.dev` with a schema covering the common validations,
    /// a status subresource and the short name `wd`.
    static func widgetCRD(group: String = "test.ensemble.dev", plural: String = "widgets", kind: String = "Widget")
        -> JSONValue
    {
        [
            "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
            "metadata": ["name": .string("\(plural).\(group)")],
            "spec": [
                "group": .string(group), "scope": "Namespaced",
                "names": [
                    "plural": .string(plural), "singular": .string(kind.lowercased()), "kind": .string(kind),
                    "listKind": .string("\(kind)List"), "shortNames": ["wd"], "categories": ["ensemble"],
                ],
                "versions": [[
                    "name": "v1", "served": true, "storage": true,
                    "subresources": ["status": [:]],
                    "schema": ["openAPIV3Schema": [
                        "type": "object",
                        "properties": [
                            "spec": [
                                "type": "object", "required": ["size"],
                                "properties": [
                                    "size": ["type": "integer", "minimum": 1, "maximum": 10],
                                    "color": ["type": "string", "enum": ["red", "green", "blue"]],
                                    "name": ["type": "string", "pattern": "^[a-z]+$", "maxLength": 8],
                                    "tags": ["type": "array", "maxItems": 2, "items": ["type": "string"]],
                                    "enabled": ["type": "boolean"],
                                ],
                            ],
                            "status": [
                                "type": "object",
                                "properties": ["phase": ["type": "string"], "observedGeneration": ["type": "integer"]],
                            ],
                        ],
                    ]],
                ]],
            ],
        ]
    }

    static func widgets(_ namespace: String = "default", group: String = "test.ensemble.dev", plural: String = "widgets")
        -> String
    { "/apis/\(group)/v1/namespaces/\(namespace)/\(plural)" }

    static func newWidget(_ name: String, spec: JSONValue = ["size": 3]) -> JSONValue {
        ["apiVersion": "test.ensemble.dev/v1", "kind": "Widget", "metadata": ["name": .string(name)], "spec": spec]
    }
}

extension EmulatorTestClient {
    /// Creates the Widget CRD and waits (generously) until its resource is served.
    @discardableResult
    func installWidgetCRD(_ crd: JSONValue = Fixtures.widgetCRD()) async throws -> EmulatorResponse {
        let created = try await post(Fixtures.crds, crd)
        #expect(created.status == 201, "CRD create: \(created.body)")
        let group = crd["spec"]?["group"]?.stringValue ?? ""
        let plural = crd["spec"]?["names"]?["plural"]?.stringValue ?? ""
        try await eventually { try await self.get(Fixtures.widgets(group: group, plural: plural)).status == 200 }
        return created
    }
}

/// Polls `condition` until it holds, failing the test after `timeout`.
func eventually(
    timeout: Duration = .seconds(60), sourceLocation: SourceLocation = #_sourceLocation,
    _ condition: () async throws -> Bool
) async throws {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(20))
    }
    Issue.record("condition did not hold within \(timeout)", sourceLocation: sourceLocation)
}
