import EnsembleSupport

/// What kube-apiserver's apiextensions controllers do with a CustomResourceDefinition: validate it, serve its
/// versions, and report `NamesAccepted` and `Established`.
enum CRDRegistrar {
    /// Checks a CRD as the apiserver does on create/update; returns it with its status filled in.
    static func validated(_ crd: JSONValue, state: EmulatorState) throws(APIError) -> JSONValue {
        let resource = state.resource(group: "apiextensions.k8s.io", version: "v1", plural: "customresourcedefinitions")!
        let name = crd["metadata"]?["name"]?.stringValue ?? ""
        var causes: [APIError.Cause] = []
        func problem(_ field: String, _ message: String, _ type: String = "FieldValueInvalid") {
            causes.append(.init(type: type, message: message, field: field))
        }
        let spec = crd["spec"] ?? [:]
        let group = spec["group"]?.stringValue ?? ""
        let plural = spec["names"]?["plural"]?.stringValue ?? ""
        if group.isEmpty { problem("spec.group", "Required value", "FieldValueRequired") }
        if plural.isEmpty { problem("spec.names.plural", "Required value", "FieldValueRequired") }
        if spec["names"]?["kind"]?.stringValue?.isEmpty ?? true { problem("spec.names.kind", "Required value", "FieldValueRequired") }
        if !group.isEmpty, !plural.isEmpty, name != "\(plural).\(group)" {
            problem("metadata.name", "Invalid value: \"\(name)\": must be spec.names.plural+\".\"+spec.group")
        }
        let scope = spec["scope"]?.stringValue ?? ""
        if !["Namespaced", "Cluster"].contains(scope) {
            problem("spec.scope", "Unsupported value: \"\(scope)\": supported values: \"Cluster\", \"Namespaced\"", "FieldValueNotSupported")
        }
        let versions = spec["versions"]?.arrayValue ?? []
        if versions.isEmpty { problem("spec.versions", "Invalid value: must have exactly one version marked as storage version") }
        if versions.filter({ $0["storage"]?.boolValue == true }).count != 1, !versions.isEmpty {
            problem("spec.versions", "Invalid value: must have exactly one version marked as storage version")
        }
        for (index, version) in versions.enumerated() {
            guard let schema = version["schema"]?["openAPIV3Schema"] else {
                problem("spec.versions[\(index)].schema.openAPIV3Schema", "Required value: schemas are required", "FieldValueRequired")
                continue
            }
            do {
                _ = try SchemaEnforcer(schema: schema, path: "spec.versions[\(index)].schema.openAPIV3Schema")
            } catch {
                for fieldError in error.errors {
                    causes.append(.init(type: fieldError.type.rawValue, message: fieldError.message, field: fieldError.field))
                }
            }
        }
        if !causes.isEmpty { throw APIError.invalid(resource, kind: "CustomResourceDefinition", name, causes) }
        if let clash = state.resources.values.first(where: {
            $0.group == group && $0.plural == plural && $0.kind != spec["names"]?["kind"]?.stringValue
        }) {
            throw APIError.invalid(resource, kind: "CustomResourceDefinition", name, [
                .init(type: "FieldValueInvalid", message: "Invalid value: \"\(clash.plural)\": already in use", field: "spec.names.plural"),
            ])
        }
        var accepted = crd
        let now = Timestamps.now()
        let condition = { (type: String, reason: String, message: String) -> JSONValue in
            ["type": .string(type), "status": "True", "reason": .string(reason), "message": .string(message), "lastTransitionTime": .string(now)]
        }
        let previous = crd["status"]?["conditions"]?.arrayValue ?? []
        func keep(_ fresh: JSONValue) -> JSONValue {
            previous.first { $0["type"] == fresh["type"] && $0["status"] == fresh["status"] } ?? fresh
        }
        accepted["status"] = [
            "conditions": [
                keep(condition("NamesAccepted", "NoConflicts", "no conflicts found")),
                keep(condition("Established", "InitialNamesAccepted", "the initial names have been accepted")),
            ],
            "acceptedNames": spec["names"] ?? [:],
            "storedVersions": .array(versions.filter { $0["storage"]?.boolValue == true }.compactMap { $0["name"] }),
        ]
        return accepted
    }

    /// The resources a CRD serves, one per served version.
    static func resources(of crd: JSONValue) -> [ResourceType] {
        let spec = crd["spec"] ?? [:]
        let names = spec["names"] ?? [:]
        guard let group = spec["group"]?.stringValue, let plural = names["plural"]?.stringValue,
            let kind = names["kind"]?.stringValue
        else { return [] }
        return (spec["versions"]?.arrayValue ?? []).compactMap { version -> ResourceType? in
            guard version["served"]?.boolValue ?? false, let name = version["name"]?.stringValue else { return nil }
            let schema = version["schema"]?["openAPIV3Schema"] ?? ["type": "object"]
            let subresources = version["subresources"] ?? [:]
            var scale: ResourceType.ScalePaths?
            if let scaleSpec = subresources["scale"], let specPath = scaleSpec["specReplicasPath"]?.stringValue,
                let statusPath = scaleSpec["statusReplicasPath"]?.stringValue
            {
                scale = .init(
                    specReplicas: path(specPath), statusReplicas: path(statusPath),
                    labelSelector: scaleSpec["labelSelectorPath"]?.stringValue.map(path))
            }
            return ResourceType(
                group: group, version: name, plural: plural,
                singular: names["singular"]?.stringValue ?? kind.lowercased(), kind: kind,
                namespaced: spec["scope"]?.stringValue == "Namespaced",
                shortNames: names["shortNames"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                categories: names["categories"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                hasStatus: subresources["status"] != nil, tracksGeneration: true, scale: scale,
                semantics: ListSemantics(schema: schema), acceptsStrategicMerge: false,
                schema: try? SchemaEnforcer(schema: schema),
                printerColumns: version["additionalPrinterColumns"]?.arrayValue ?? [], schemaDocument: schema)
        }
    }

    private static func path(_ jsonPath: String) -> [String] {
        jsonPath.split(separator: ".").map(String.init)
    }
}

extension KubeAPIEmulator {
    /// Serves (or stops serving) what a stored CRD declares.
    func register(crd: JSONValue, key: ObjectKey, state: inout EmulatorState) {
        let group = crd["spec"]?["group"]?.stringValue ?? ""
        let plural = crd["spec"]?["names"]?["plural"]?.stringValue ?? ""
        for existing in state.resources.values where existing.group == group && existing.plural == plural {
            state.resources[existing.registryKey] = nil
        }
        guard !ObjectRules.isDeleting(crd) else { return }
        for resource in CRDRegistrar.resources(of: crd) {
            state.resources[resource.registryKey] = resource
        }
    }
}
