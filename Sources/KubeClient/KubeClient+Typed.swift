import Foundation
import KubeCore

/// Typed access. For namespaced types a nil namespace means the object's own, else the configured default.
extension KubeClient {
    func namespace<Object: KubernetesObject>(for type: Object.Type, _ explicit: String?, object: Object? = nil) -> String? {
        guard Object.isNamespaced else { return nil }
        return explicit ?? object?.metadata.namespace ?? configuration.namespace
    }

    private func requireName<Object: KubernetesObject>(_ object: Object, _ verb: String) throws(KubeError) -> String {
        guard let name = object.metadata.name, !name.isEmpty else {
            throw KubeError.invalidRequest("\(verb) \(Object.kind) needs metadata.name", operation: "\(verb) \(Object.resource)")
        }
        return name
    }

    public func get<Object: KubernetesObject>(_ type: Object.Type, _ name: String, namespace: String? = nil) async throws -> Object {
        try await get(type, Object.resource, name: name, namespace: self.namespace(for: type, namespace))
    }

    /// Every object, following `continue` across pages of `options.limit` objects.
    /// A nil namespace lists all namespaces.
    public func list<Object: KubernetesObject>(
        _ type: Object.Type, namespace: String?, options: ListOptions = ListOptions()
    ) async throws -> ObjectList<Object> {
        try await listAll(type, Object.resource, namespace: Object.isNamespaced ? namespace : nil, options: options)
    }

    /// One page; pass its `metadata.continue` as `options.continueToken` for the next.
    public func listPage<Object: KubernetesObject>(
        _ type: Object.Type, namespace: String?, options: ListOptions
    ) async throws -> ObjectList<Object> {
        try await listPage(type, Object.resource, namespace: Object.isNamespaced ? namespace : nil, options: options)
    }

    public func create<Object: KubernetesObject>(
        _ object: Object, namespace: String? = nil, options: WriteOptions = WriteOptions()
    ) async throws -> Object {
        try await write(
            .post, object, as: Object.self, Object.resource, name: nil,
            namespace: self.namespace(for: Object.self, namespace, object: object), query: options.queryItems)
    }

    /// Replaces the object; its `metadata.resourceVersion` makes the write fail with 409 if the object changed.
    public func update<Object: KubernetesObject>(
        _ object: Object, namespace: String? = nil, options: WriteOptions = WriteOptions()
    ) async throws -> Object {
        try await write(
            .put, object, as: Object.self, Object.resource, name: try requireName(object, "update"),
            namespace: self.namespace(for: Object.self, namespace, object: object), query: options.queryItems)
    }

    /// Replaces the status subresource; changes outside `status` are ignored by the server.
    public func updateStatus<Object: KubernetesObject>(
        _ object: Object, namespace: String? = nil, options: WriteOptions = WriteOptions()
    ) async throws -> Object {
        try await write(
            .put, object, as: Object.self, Object.resource, name: try requireName(object, "update status"),
            namespace: self.namespace(for: Object.self, namespace, object: object), subresource: "status",
            query: options.queryItems)
    }

    public func patch<Object: KubernetesObject>(
        _ type: Object.Type, _ name: String, namespace: String? = nil, patch: Patch, subresource: String? = nil,
        options: WriteOptions = WriteOptions()
    ) async throws -> Object {
        try await self.patch(
            type, Object.resource, name: name, namespace: self.namespace(for: type, namespace), patch: patch,
            subresource: subresource, options: options)
    }

    /// Server-side apply: the server merges the fields this object sets into the live object, records them as
    /// owned by `fieldManager`, and refuses (409) to take fields other managers own unless `force`.
    public func apply<Object: KubernetesObject>(
        _ object: Object, fieldManager: String, force: Bool = false, namespace: String? = nil,
        subresource: String? = nil, dryRun: Bool = false
    ) async throws -> Object {
        try await apply(
            object, as: Object.self, Object.resource, name: try requireName(object, "apply"),
            namespace: self.namespace(for: Object.self, namespace, object: object), fieldManager: fieldManager,
            force: force, subresource: subresource, dryRun: dryRun)
    }

    /// Returns the object while finalizers hold it back, nil once it is gone.
    @discardableResult
    public func delete<Object: KubernetesObject>(
        _ type: Object.Type, _ name: String, namespace: String? = nil, options: DeleteOptions = DeleteOptions()
    ) async throws -> Object? {
        try await delete(type, Object.resource, name: name, namespace: self.namespace(for: type, namespace), options: options)
    }

    /// Deletes every object the selection matches. A nil namespace means all namespaces.
    public func deleteCollection<Object: KubernetesObject>(
        _ type: Object.Type, namespace: String?, selection: ListOptions = ListOptions(),
        options: DeleteOptions = DeleteOptions()
    ) async throws {
        try await deleteCollection(
            Object.resource, namespace: Object.isNamespaced ? namespace : nil, selection: selection, options: options)
    }

    /// Opens a watch; errors before the stream starts (403, 410 on an expired version) are thrown here.
    /// A nil namespace watches all namespaces.
    public func watch<Object: KubernetesObject>(
        _ type: Object.Type, namespace: String?, options: WatchOptions = WatchOptions()
    ) async throws -> WatchStream<Object> {
        try await watch(type, Object.resource, namespace: Object.isNamespaced ? namespace : nil, options: options)
    }
}
