import EnsembleSupport
import Foundation
import KubeCore

/// Dynamic access to any resource, custom ones included, with objects as `JSONValue`.
/// The namespace is used as given: nil addresses cluster-scoped resources (or all namespaces for lists).
extension KubeClient {
    public func get(_ resource: GroupVersionResource, _ name: String, namespace: String?) async throws -> JSONValue {
        try await get(JSONValue.self, resource, name: name, namespace: namespace)
    }

    public func list(
        _ resource: GroupVersionResource, namespace: String?, options: ListOptions = ListOptions()
    ) async throws -> ObjectList<JSONValue> {
        try await listAll(JSONValue.self, resource, namespace: namespace, options: options)
    }

    public func listPage(
        _ resource: GroupVersionResource, namespace: String?, options: ListOptions
    ) async throws -> ObjectList<JSONValue> {
        try await listPage(JSONValue.self, resource, namespace: namespace, options: options)
    }

    public func create(
        _ resource: GroupVersionResource, _ object: JSONValue, namespace: String?, options: WriteOptions = WriteOptions()
    ) async throws -> JSONValue {
        try await write(.post, object, as: JSONValue.self, resource, name: nil, namespace: namespace, query: options.queryItems)
    }

    public func update(
        _ resource: GroupVersionResource, _ object: JSONValue, namespace: String?, options: WriteOptions = WriteOptions()
    ) async throws -> JSONValue {
        try await write(
            .put, object, as: JSONValue.self, resource, name: try Self.name(of: object, resource), namespace: namespace,
            query: options.queryItems)
    }

    public func updateStatus(
        _ resource: GroupVersionResource, _ object: JSONValue, namespace: String?, options: WriteOptions = WriteOptions()
    ) async throws -> JSONValue {
        try await write(
            .put, object, as: JSONValue.self, resource, name: try Self.name(of: object, resource), namespace: namespace,
            subresource: "status", query: options.queryItems)
    }

    public func patch(
        _ resource: GroupVersionResource, _ name: String, namespace: String?, patch: Patch, subresource: String? = nil,
        options: WriteOptions = WriteOptions()
    ) async throws -> JSONValue {
        try await self.patch(
            JSONValue.self, resource, name: name, namespace: namespace, patch: patch, subresource: subresource,
            options: options)
    }

    public func apply(
        _ resource: GroupVersionResource, _ object: JSONValue, namespace: String?, fieldManager: String,
        force: Bool = false, subresource: String? = nil, dryRun: Bool = false
    ) async throws -> JSONValue {
        try await apply(
            object, as: JSONValue.self, resource, name: try Self.name(of: object, resource), namespace: namespace,
            fieldManager: fieldManager, force: force, subresource: subresource, dryRun: dryRun)
    }

    @discardableResult
    public func delete(
        _ resource: GroupVersionResource, _ name: String, namespace: String?, options: DeleteOptions = DeleteOptions()
    ) async throws -> JSONValue? {
        try await delete(JSONValue.self, resource, name: name, namespace: namespace, options: options)
    }

    public func deleteCollection(
        _ resource: GroupVersionResource, namespace: String?, selection: ListOptions = ListOptions(),
        options: DeleteOptions = DeleteOptions()
    ) async throws {
        var request = APIRequest(
            method: .delete, path: APIRequest.path(resource, namespace: namespace), query: selection.queryItems,
            contentType: "application/json")
        request.body = try ObjectCoding.encode(options, operation: request.summary)
        _ = try await send(request)
    }

    public func watch(
        _ resource: GroupVersionResource, namespace: String?, options: WatchOptions = WatchOptions()
    ) async throws -> WatchStream<JSONValue> {
        try await watch(JSONValue.self, resource, namespace: namespace, options: options)
    }

    private static func name(of object: JSONValue, _ resource: GroupVersionResource) throws(KubeError) -> String {
        guard let name = object["metadata"]?["name"]?.stringValue, !name.isEmpty else {
            throw KubeError.invalidRequest("the object needs metadata.name", operation: "write \(resource)")
        }
        return name
    }
}
