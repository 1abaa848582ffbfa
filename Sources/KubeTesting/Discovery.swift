import EnsembleSupport

/// Discovery documents: which groups, versions and resources the emulator serves.
enum Discovery {
    static let version: JSONValue = [
        "major": "1", "minor": "30", "gitVersion": "v1.30.0-ensemble-emulator", "gitCommit": "", "gitTreeState": "clean",
        "buildDate": "2026-01-01T00:00:00Z", "goVersion": "go1.22", "compiler": "gc", "platform": "linux/amd64",
    ]

    static func coreVersions(serverAddress: String) -> JSONValue {
        [
            "kind": "APIVersions", "versions": ["v1"],
            "serverAddressByClientCIDRs": [["clientCIDR": "0.0.0.0/0", "serverAddress": .string(serverAddress)]],
        ]
    }

    static func groupList(_ state: EmulatorState) -> JSONValue {
        let names = Set(state.resources.values.map(\.group)).subtracting([""]).sorted()
        return ["kind": "APIGroupList", "apiVersion": "v1", "groups": .array(names.compactMap { groupDocument($0, state) })]
    }

    static func group(_ name: String, _ state: EmulatorState) -> JSONValue? {
        guard var document = groupDocument(name, state) else { return nil }
        document["kind"] = "APIGroup"
        document["apiVersion"] = "v1"
        return document
    }

    private static func groupDocument(_ name: String, _ state: EmulatorState) -> JSONValue? {
        let versions = Set(state.resources.values.filter { $0.group == name }.map(\.version))
        guard !versions.isEmpty else { return nil }
        let ordered = versions.sorted(by: KubeVersionOrder.before)
        let entries: [JSONValue] = ordered.map { ["groupVersion": .string("\(name)/\($0)"), "version": .string($0)] }
        return ["name": .string(name), "versions": .array(entries), "preferredVersion": entries[0]]
    }

    static func resourceList(group: String, version: String, _ state: EmulatorState) -> JSONValue? {
        let resources = state.resources.values.filter { $0.group == group && $0.version == version }
            .sorted { $0.plural < $1.plural }
        guard !resources.isEmpty else { return nil }
        var entries: [JSONValue] = []
        for resource in resources {
            var entry: JSONValue = [
                "name": .string(resource.plural), "singularName": .string(resource.singular),
                "namespaced": .bool(resource.namespaced), "kind": .string(resource.kind),
                "verbs": .array(resource.verbs.map(JSONValue.string)),
            ]
            if !resource.shortNames.isEmpty { entry["shortNames"] = .array(resource.shortNames.map(JSONValue.string)) }
            if !resource.categories.isEmpty { entry["categories"] = .array(resource.categories.map(JSONValue.string)) }
            entries.append(entry)
            if resource.hasStatus {
                entries.append([
                    "name": .string("\(resource.plural)/status"), "singularName": "", "namespaced": .bool(resource.namespaced),
                    "kind": .string(resource.kind), "verbs": ["get", "patch", "update"],
                ])
            }
            if resource.scale != nil {
                entries.append([
                    "name": .string("\(resource.plural)/scale"), "singularName": "", "namespaced": .bool(resource.namespaced),
                    "group": "autoscaling", "version": "v1", "kind": "Scale", "verbs": ["get", "patch", "update"],
                ])
            }
        }
        return [
            "kind": "APIResourceList", "apiVersion": "v1",
            "groupVersion": .string(group.isEmpty ? version : "\(group)/\(version)"), "resources": .array(entries),
        ]
    }
}

/// Kubernetes' version priority: GA before beta before alpha, higher numbers first (v1 > v1beta2 > v1alpha1).
enum KubeVersionOrder {
    static func before(_ lhs: String, _ rhs: String) -> Bool {
        rank(lhs) < rank(rhs)
    }

    private static func rank(_ version: String) -> (Int, Int, Int, String) {
        let scanner = version.dropFirst()
        let major = Int(scanner.prefix { $0.isNumber }) ?? 0
        let rest = scanner.drop { $0.isNumber }
        guard version.hasPrefix("v"), major > 0 else { return (3, 0, 0, version) }
        if rest.isEmpty { return (0, -major, 0, version) }
        for (stage, label) in [(1, "beta"), (2, "alpha")] where rest.hasPrefix(label) {
            let minor = Int(rest.dropFirst(label.count)) ?? 0
            return (stage, -major, -minor, version)
        }
        return (3, 0, 0, version)
    }
}
