import EnsembleSupport

/// OpenAPI v3 documents, as kube-apiserver serves them under `/openapi/v3`: enough for kubectl to see that the
/// server validates fields itself (so `kubectl apply` needs no `--validate=false`) and, for custom resources,
/// the schemas `kubectl explain` reads.
enum OpenAPIDocuments {
    static func root(_ state: EmulatorState) -> JSONValue {
        var paths: [String: JSONValue] = [:]
        for (group, version) in groupVersions(state) {
            let path = groupVersionPath(group, version)
            paths[path] = ["serverRelativeURL": .string("/openapi/v3/\(path)?hash=\(state.revision)")]
        }
        return ["paths": .object(paths)]
    }

    static func groupVersion(group: String, version: String, _ state: EmulatorState) -> JSONValue? {
        let resources = state.resources.values.filter { $0.group == group && $0.version == version }
        guard !resources.isEmpty else { return nil }
        var paths: [String: JSONValue] = [:]
        var schemas: [String: JSONValue] = [:]
        for resource in resources {
            let gvk: JSONValue = ["group": .string(resource.group), "version": .string(resource.version), "kind": .string(resource.kind)]
            let prefix = "/" + groupVersionPath(group, version) + (resource.namespaced ? "/namespaces/{namespace}" : "")
            let writeParameters: JSONValue = .array(["dryRun", "fieldManager", "fieldValidation", "force"].map {
                ["name": .string($0), "in": "query", "schema": ["type": "string", "uniqueItems": true]]
            })
            func operation(_ action: String, parameters: JSONValue = []) -> JSONValue {
                [
                    "x-kubernetes-action": .string(action), "x-kubernetes-group-version-kind": gvk,
                    "parameters": parameters, "responses": ["200": ["description": "OK"]],
                ]
            }
            paths["\(prefix)/\(resource.plural)"] = [
                "get": operation("list"), "post": operation("post", parameters: writeParameters),
                "delete": operation("deletecollection"),
            ]
            paths["\(prefix)/\(resource.plural)/{name}"] = [
                "get": operation("get"), "put": operation("put", parameters: writeParameters),
                "patch": operation("patch", parameters: writeParameters), "delete": operation("delete"),
            ]
            var schema = resource.schemaDocument ?? ["type": "object", "x-kubernetes-preserve-unknown-fields": true]
            schema["x-kubernetes-group-version-kind"] = [gvk]
            schemas[schemaName(resource)] = schema
        }
        return [
            "openapi": "3.0.0", "info": ["title": "Kubernetes", "version": "v1.30.0"], "paths": .object(paths),
            "components": ["schemas": .object(schemas)],
        ]
    }

    private static func groupVersions(_ state: EmulatorState) -> [(String, String)] {
        Set(state.resources.values.map { "\($0.group)/\($0.version)" }).sorted().map {
            let parts = $0.split(separator: "/", omittingEmptySubsequences: false)
            return (String(parts[0]), String(parts[1]))
        }
    }

    private static func groupVersionPath(_ group: String, _ version: String) -> String {
        group.isEmpty ? "api/\(version)" : "apis/\(group)/\(version)"
    }

    /// Reverse-domain names as kube-openapi uses: `dev.ensemble.v1alpha1.AgentTeam`, `io.k8s.api.apps.v1.Deployment`.
    private static func schemaName(_ resource: ResourceType) -> String {
        guard resource.schemaDocument != nil else {
            let group = resource.group.isEmpty ? "core" : resource.group.split(separator: ".").first.map(String.init) ?? ""
            return "io.k8s.api.\(group).\(resource.version).\(resource.kind)"
        }
        let reversed = resource.group.split(separator: ".").reversed().joined(separator: ".")
        return "\(reversed).\(resource.version).\(resource.kind)"
    }
}
