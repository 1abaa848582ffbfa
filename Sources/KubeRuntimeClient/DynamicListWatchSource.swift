import EnsembleSupport
import KubeClient
import KubeCore
import KubeRuntime

/// Lists and watches objects of any resource (custom ones included) as JSON through a `KubeClient`.
public struct DynamicListWatchSource: ListWatchSource {
    public typealias Object = DynamicObject

    public let client: KubeClient
    public let resource: GroupVersionResource
    public let scope: ResourceScope

    public init(client: KubeClient, resource: GroupVersionResource, scope: ResourceScope = ResourceScope()) {
        self.client = client
        self.resource = resource
        self.scope = scope
    }

    public func list(resourceVersion: String?, limit: Int, continue continueToken: String?) async throws -> ListPage<Object> {
        let options = ListOptions(
            labelSelector: scope.labelSelector, fieldSelector: scope.fieldSelector, limit: limit,
            continueToken: continueToken, resourceVersion: resourceVersion)
        let page = try await client.listPage(resource, namespace: scope.namespace, options: options)
        return ListPage(
            items: page.items.map(DynamicObject.init), continueToken: page.metadata.continue,
            resourceVersion: page.metadata.resourceVersion ?? "")
    }

    public func watch(
        resourceVersion: String, timeout: Duration, bookmarks: Bool
    ) async throws -> RuntimeWatchEvents<JSONValue, Object> {
        let options = WatchOptions(
            resourceVersion: resourceVersion, allowWatchBookmarks: bookmarks, timeoutSeconds: timeout.wholeSeconds,
            labelSelector: scope.labelSelector, fieldSelector: scope.fieldSelector)
        let stream = try await client.watch(resource, namespace: scope.namespace, options: options)
        return RuntimeWatchEvents(stream: stream, wrap: DynamicObject.init)
    }

    public func classify(_ error: any Error) -> WatchFailure {
        classifyForWatcher(error)
    }
}
