import Foundation
import HTTP
import KubeCore

/// One call to the API server before authentication: method, path, query and body.
struct APIRequest: Sendable {
    var method: HTTPMethod
    var path: String
    var query: [QueryItem] = []
    var body: Data?
    var contentType: String?

    /// `GET /api/v1/namespaces/default/configmaps/x`, for errors and logs.
    var summary: String { "\(method) \(path)" }

    func url(server: String) -> String {
        let base = server.hasSuffix("/") ? String(server.dropLast()) : server
        return query.isEmpty ? base + path : base + path + "?" + QueryItem.queryString(query)
    }

    /// The path of a collection or of one object in it, and optionally one of its subresources.
    static func path(
        _ resource: GroupVersionResource, namespace: String?, name: String? = nil, subresource: String? = nil
    ) -> String {
        var path = resource.path(namespace: namespace)
        if let name { path += "/" + QueryItem.percentEncoded(name) }
        if let subresource { path += "/" + subresource }
        return path
    }
}
