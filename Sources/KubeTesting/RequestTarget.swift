/// What a request's path names: discovery, or a resource collection, object or subresource.
enum RequestTarget {
    case version
    case coreGroups
    case groups
    case group(String)
    case resourceList(group: String, version: String)
    case health
    case openAPIRoot
    /// `/openapi/v3/api/v1`, `/openapi/v3/apis/{group}/{version}`.
    case openAPIGroupVersion(group: String, version: String)
    case openAPIUnsupported
    case resource(group: String, version: String, plural: String, namespace: String?, name: String?, subresource: String?)

    /// Parses `/api/v1/...` and `/apis/{group}/{version}/...` paths. `isNamespacedPlural` tells whether a
    /// plural is a namespaced resource of that group/version (to read `namespaces/{ns}/{plural}`).
    static func parse(_ path: String, isNamespacedPlural: (String, String, String) -> Bool) -> RequestTarget? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        switch parts.first {
        case "version": return parts.count == 1 ? .version : nil
        case "healthz", "readyz", "livez": return .health
        case "openapi":
            guard parts.count > 1, parts[1] == "v3" else { return .openAPIUnsupported }
            let rest = Array(parts.dropFirst(2))
            switch rest.count {
            case 0: return .openAPIRoot
            case 2 where rest[0] == "api": return .openAPIGroupVersion(group: "", version: rest[1])
            case 3 where rest[0] == "apis": return .openAPIGroupVersion(group: rest[1], version: rest[2])
            default: return .openAPIUnsupported
            }
        case "api":
            if parts.count == 1 { return .coreGroups }
            return resourcePath(group: "", version: parts[1], rest: Array(parts.dropFirst(2)), isNamespacedPlural)
        case "apis":
            if parts.count == 1 { return .groups }
            if parts.count == 2 { return .group(parts[1]) }
            return resourcePath(group: parts[1], version: parts[2], rest: Array(parts.dropFirst(3)), isNamespacedPlural)
        default: return nil
        }
    }

    private static func resourcePath(
        group: String, version: String, rest: [String], _ isNamespacedPlural: (String, String, String) -> Bool
    ) -> RequestTarget? {
        if rest.isEmpty { return .resourceList(group: group, version: version) }
        if rest[0] == "namespaces", rest.count >= 3, isNamespacedPlural(group, version, rest[2]) {
            guard rest.count <= 5 else { return nil }
            return .resource(
                group: group, version: version, plural: rest[2], namespace: rest[1],
                name: rest.count > 3 ? rest[3] : nil, subresource: rest.count > 4 ? rest[4] : nil)
        }
        guard rest.count <= 3 else { return nil }
        return .resource(
            group: group, version: version, plural: rest[0], namespace: nil, name: rest.count > 1 ? rest[1] : nil,
            subresource: rest.count > 2 ? rest[2] : nil)
    }
}
