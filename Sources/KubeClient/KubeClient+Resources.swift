import EnsembleSupport
import Foundation
import HTTP
import KubeCore

/// The operations shared by the typed and the dynamic API, on a resource named by `GroupVersionResource`.
extension KubeClient {
    func get<Object: Decodable>(
        _ type: Object.Type, _ resource: GroupVersionResource, name: String, namespace: String?, subresource: String? = nil
    ) async throws -> Object {
        let request = APIRequest(
            method: .get, path: APIRequest.path(resource, namespace: namespace, name: name, subresource: subresource))
        return try ObjectCoding.decode(type, from: try await send(request).body, operation: request.summary)
    }

    func listPage<Object: Codable & Sendable & Hashable>(
        _ type: Object.Type, _ resource: GroupVersionResource, namespace: String?, options: ListOptions
    ) async throws -> ObjectList<Object> {
        let request = APIRequest(
            method: .get, path: APIRequest.path(resource, namespace: namespace), query: options.queryItems)
        return try ObjectCoding.decode(ObjectList<Object>.self, from: try await send(request).body, operation: request.summary)
    }

    /// Every page, following `continue` tokens; the result carries the first page's resource version.
    func listAll<Object: Codable & Sendable & Hashable>(
        _ type: Object.Type, _ resource: GroupVersionResource, namespace: String?, options: ListOptions
    ) async throws -> ObjectList<Object> {
        var page = try await listPage(type, resource, namespace: namespace, options: options)
        var all = page
        while let token = page.metadata.continue, !token.isEmpty {
            var next = options
            next.continueToken = token
            page = try await listPage(type, resource, namespace: namespace, options: next)
            all.items += page.items
        }
        all.metadata.continue = nil
        all.metadata.remainingItemCount = nil
        return all
    }

    func write<Body: Encodable, Object: Decodable>(
        _ method: HTTPMethod, _ body: Body, as type: Object.Type, _ resource: GroupVersionResource, name: String?,
        namespace: String?, subresource: String? = nil, query: [QueryItem], contentType: String = "application/json"
    ) async throws -> Object {
        var request = APIRequest(
            method: method, path: APIRequest.path(resource, namespace: namespace, name: name, subresource: subresource),
            query: query, contentType: contentType)
        request.body = try ObjectCoding.encode(body, operation: request.summary)
        return try ObjectCoding.decode(type, from: try await send(request).body, operation: request.summary)
    }

    func patch<Object: Decodable>(
        _ type: Object.Type, _ resource: GroupVersionResource, name: String, namespace: String?, patch: Patch,
        subresource: String?, options: WriteOptions
    ) async throws -> Object {
        try await write(
            .patch, patch.body, as: type, resource, name: name, namespace: namespace, subresource: subresource,
            query: options.queryItems, contentType: patch.contentType)
    }

    func apply<Body: Encodable, Object: Decodable>(
        _ body: Body, as type: Object.Type, _ resource: GroupVersionResource, name: String, namespace: String?,
        fieldManager: String, force: Bool, subresource: String?, dryRun: Bool
    ) async throws -> Object {
        var query = [QueryItem("fieldManager", fieldManager)]
        if force { query.append(QueryItem("force", "true")) }
        if dryRun { query.append(QueryItem("dryRun", "All")) }
        // JSON is YAML, so the apply content type takes the JSON encoding as it is.
        return try await write(
            .patch, body, as: type, resource, name: name, namespace: namespace, subresource: subresource, query: query,
            contentType: "application/apply-patch+yaml")
    }

    /// Deletes one object; returns it when the server still holds it (finalizers pending), nil when it is gone.
    func delete<Object: Decodable>(
        _ type: Object.Type, _ resource: GroupVersionResource, name: String, namespace: String?, options: DeleteOptions
    ) async throws -> Object? {
        var request = APIRequest(
            method: .delete, path: APIRequest.path(resource, namespace: namespace, name: name),
            contentType: "application/json")
        request.body = try ObjectCoding.encode(options, operation: request.summary)
        let body = try await send(request).body
        if try Self.isStatus(body, operation: request.summary) { return nil }
        return try ObjectCoding.decode(type, from: body, operation: request.summary)
    }

    func watch<Object: Decodable & Sendable>(
        _ type: Object.Type, _ resource: GroupVersionResource, namespace: String?, options: WatchOptions
    ) async throws -> WatchStream<Object> {
        let request = APIRequest(
            method: .get, path: APIRequest.path(resource, namespace: namespace), query: options.queryItems)
        let response = try await openStream(request)
        return WatchStream(body: response.body, operation: request.summary)
    }

    private struct Kind: Decodable { var kind: String? }

    private static func isStatus(_ body: Data, operation: String) throws(KubeError) -> Bool {
        try ObjectCoding.decode(Kind.self, from: body, operation: operation).kind == "Status"
    }
}
