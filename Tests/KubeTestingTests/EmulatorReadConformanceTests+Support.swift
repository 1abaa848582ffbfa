import EnsembleSupport
import Foundation
import HTTP
import Testing
import KubeTesting

/// An emulator served over loopback HTTP and a client talking to it, for the read/watch/fault conformance tests.
struct ReadConformanceServer: Sendable {
    struct Reply: Sendable {
        let status: Int
        let headers: HTTPHeaders
        let body: Data
        var json: JSONValue { (try? JSONText.parse(body)) ?? .null }
    }

    let emulator: KubeAPIEmulator
    let base: String
    let client = HTTPClient()

    /// Starts an emulator; `body` runs against it and the emulator is shut down afterwards, even on failure.
    static func with<T: Sendable>(
        _ configuration: KubeAPIEmulator.Configuration = .init(bookmarkInterval: .milliseconds(100)),
        _ body: (ReadConformanceServer) async throws -> T
    ) async throws -> T {
        let emulator = KubeAPIEmulator(configuration: configuration)
        let server = ReadConformanceServer(emulator: emulator, base: try emulator.start())
        do {
            let result = try await body(server)
            await emulator.shutdown()
            server.client.shutdown()
            return result
        } catch {
            await emulator.shutdown()
            server.client.shutdown()
            throw error
        }
    }

    func request(
        _ method: HTTPMethod = .get, _ path: String, body: Data? = nil,
        contentType: String = "application/json"
    ) async throws -> Reply {
        let response = try await client.execute(HTTPClientRequest(
            method: method, url: base + path, headers: body == nil ? [:] : ["Content-Type": contentType], body: body,
            timeout: .seconds(60)))
        return Reply(status: response.status, headers: response.headers, body: response.body)
    }

    func request(_ method: HTTPMethod, _ path: String, json: JSONValue, contentType: String = "application/json") async throws -> Reply {
        try await request(method, path, body: JSONText.data(json), contentType: contentType)
    }

    /// GETs `path` and expects 200 with a JSON body.
    func get(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> JSONValue {
        let reply = try await request(.get, path)
        #expect(reply.status == 200, "GET \(path): \(String(decoding: reply.body, as: UTF8.self))", sourceLocation: sourceLocation)
        return reply.json
    }

    /// Creates a ConfigMap and returns it as stored.
    @discardableResult
    func createConfigMap(
        _ name: String, namespace: String = "default", labels: [String: String] = [:],
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> JSONValue {
        var metadata: JSONValue = ["name": .string(name)]
        if !labels.isEmpty { metadata["labels"] = .object(labels.mapValues(JSONValue.string)) }
        let reply = try await request(
            .post, "/api/v1/namespaces/\(namespace)/configmaps",
            json: ["apiVersion": "v1", "kind": "ConfigMap", "metadata": metadata, "data": ["k": "v"]])
        #expect(reply.status == 201, "create \(name): \(String(decoding: reply.body, as: UTF8.self))", sourceLocation: sourceLocation)
        return reply.json
    }

    /// Merge-patches a ConfigMap and returns it as stored.
    @discardableResult
    func patchConfigMap(
        _ name: String, namespace: String = "default", _ patch: JSONValue, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> JSONValue {
        let reply = try await request(
            .patch, "/api/v1/namespaces/\(namespace)/configmaps/\(name)", json: patch,
            contentType: "application/merge-patch+json")
        #expect(reply.status == 200, "patch \(name): \(String(decoding: reply.body, as: UTF8.self))", sourceLocation: sourceLocation)
        return reply.json
    }

    func deleteConfigMap(_ name: String, namespace: String = "default", sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let reply = try await request(.delete, "/api/v1/namespaces/\(namespace)/configmaps/\(name)")
        #expect(reply.status == 200, "delete \(name): \(String(decoding: reply.body, as: UTF8.self))", sourceLocation: sourceLocation)
    }

    /// Creates a namespaced `Widget` CRD (`widgets.example.com`, v1) and waits until it is served.
    func createWidgetCRD() async throws {
        let crd: JSONValue = [
            "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
            "metadata": ["name": "widgets.example.com"],
            "spec": [
                "group": "example.com", "scope": "Namespaced",
                "names": ["plural": "widgets", "singular": "widget", "kind": "Widget", "listKind": "WidgetList"],
                "versions": [[
                    "name": "v1", "served": true, "storage": true,
                    "schema": ["openAPIV3Schema": [
                        "type": "object",
                        "properties": ["spec": ["type": "object", "properties": ["size": ["type": "integer"]]]],
                    ]],
                ]],
            ],
        ]
        let reply = try await request(.post, "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", json: crd)
        try #require(reply.status == 201, "CRD create: \(String(decoding: reply.body, as: UTF8.self))")
        for _ in 0..<100 {
            if try await request(.get, "/apis/example.com/v1/namespaces/default/widgets").status == 200 { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("widgets.example.com was not served")
    }

    /// Opens a watch on `path` (query included, `watch=1` added). The whole exchange is bounded so no test hangs.
    func watch(_ path: String, timeout: Duration = .seconds(60)) async throws -> WatchStream {
        let separator = path.contains("?") ? "&" : "?"
        let response = try await client.stream(HTTPClientRequest(url: base + path + separator + "watch=1", timeout: timeout))
        #expect(response.status == 200)
        return WatchStream(lines: response.body.lines().makeAsyncIterator())
    }

    /// Opens a watch and hands back its raw byte chunks, to see partial events.
    func rawWatch(_ path: String) async throws -> HTTPBodyStream.AsyncIterator {
        let separator = path.contains("?") ? "&" : "?"
        let response = try await client.stream(HTTPClientRequest(url: base + path + separator + "watch=1", timeout: .seconds(60)))
        #expect(response.status == 200)
        return response.body.makeAsyncIterator()
    }
}

/// The events of a watch stream, one JSON line at a time.
struct WatchStream {
    var lines: AsyncLineSequence<HTTPBodyStream>.AsyncIterator

    /// The next event, or nil at the end of the stream.
    mutating func next() async throws -> JSONValue? {
        guard let line = try await lines.next() else { return nil }
        return try JSONText.parse(line)
    }

    /// The next event that is not a BOOKMARK.
    mutating func nextChange() async throws -> JSONValue? {
        while let event = try await next() {
            if event["type"] != "BOOKMARK" { return event }
        }
        return nil
    }

    /// The next BOOKMARK event, skipping changes.
    mutating func nextBookmark() async throws -> JSONValue? {
        while let event = try await next() {
            if event["type"] == "BOOKMARK" { return event }
        }
        return nil
    }

    /// Events until the stream ends.
    mutating func rest() async throws -> [JSONValue] {
        var events: [JSONValue] = []
        while let event = try await next() { events.append(event) }
        return events
    }
}

extension JSONValue {
    var objectName: String? { self["metadata"]?["name"]?.stringValue }
    var objectResourceVersion: String? { self["metadata"]?["resourceVersion"]?.stringValue }
    /// `TYPE name` of a watch event, for comparing sequences.
    var eventSummary: String { "\(self["type"]?.stringValue ?? "?") \(self["object"]?.objectName ?? "?")" }
    var itemNames: [String] { self["items"]?.arrayValue?.compactMap(\.objectName) ?? [] }
}
