import KubeClient
import KubeCore
import KubeRuntime

/// Lists and watches objects of one typed resource through a `KubeClient`.
public struct TypedListWatchSource<Resource: KubernetesObject>: ListWatchSource {
    public typealias Object = TypedObject<Resource>

    public let client: KubeClient
    public let scope: ResourceScope

    public init(client: KubeClient, scope: ResourceScope = ResourceScope()) {
        self.client = client
        self.scope = scope
    }

    public func list(resourceVersion: String?, limit: Int, continue continueToken: String?) async throws -> ListPage<Object> {
        let options = ListOptions(
            labelSelector: scope.labelSelector, fieldSelector: scope.fieldSelector, limit: limit,
            continueToken: continueToken, resourceVersion: resourceVersion)
        let page = try await client.listPage(Resource.self, namespace: scope.namespace, options: options)
        return ListPage(
            items: page.items.map(TypedObject.init), continueToken: page.metadata.continue,
            resourceVersion: page.metadata.resourceVersion ?? "")
    }

    public func watch(
        resourceVersion: String, timeout: Duration, bookmarks: Bool
    ) async throws -> RuntimeWatchEvents<Resource, Object> {
        let options = WatchOptions(
            resourceVersion: resourceVersion, allowWatchBookmarks: bookmarks, timeoutSeconds: timeout.wholeSeconds,
            labelSelector: scope.labelSelector, fieldSelector: scope.fieldSelector)
        let stream = try await client.watch(Resource.self, namespace: scope.namespace, options: options)
        return RuntimeWatchEvents(stream: stream, wrap: TypedObject.init)
    }

    public func classify(_ error: any Error) -> WatchFailure {
        classifyForWatcher(error)
    }
}

extension Duration {
    var wholeSeconds: Int { max(1, Int(components.seconds)) }
}
