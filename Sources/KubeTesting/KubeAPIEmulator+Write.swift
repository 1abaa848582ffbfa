import Foundation
import EnsembleSupport
import HTTP

extension KubeAPIEmulator {
    func create(_ request: ResourceRequest) throws(APIError) -> (JSONValue, [String]) {
        let body = try Self.decodeBody(request.http)
        guard case .object = body else { throw APIError.badRequest("the body of the request must be an object") }
        let manager = ServerSideApply.fieldManager(requested: request.fieldManager, userAgent: request.userAgent)
        return try state.withLock { (state) throws(APIError) in
            try insert(body, request, manager: manager, state: &state, managed: { object in
                ServerSideApply.recordUpdate(
                    old: nil, new: object, manager: manager, semantics: request.resource.semantics,
                    apiVersion: request.resource.apiVersion, now: Timestamps.now(), subresource: nil)
            })
        }
    }

    /// Validates and stores a new object; `managed` records field ownership of the final object.
    func insert(
        _ body: JSONValue, _ request: ResourceRequest, manager: String, state: inout EmulatorState,
        managed: (JSONValue) throws(APIError) -> JSONValue
    ) throws(APIError) -> (JSONValue, [String]) {
        let resource = request.resource
        var object = try checkedTypeMeta(body, resource)
        var metadata = object["metadata"] ?? [:]
        guard case .object = metadata else { throw APIError.badRequest("metadata must be an object") }
        if let bodyNamespace = metadata["namespace"]?.stringValue, !bodyNamespace.isEmpty, resource.namespaced,
            bodyNamespace != request.namespace
        {
            throw APIError.badRequest("the namespace of the provided object does not match the namespace sent on the request")
        }
        var name = metadata["name"]?.stringValue ?? ""
        if name.isEmpty, let prefix = metadata["generateName"]?.stringValue, !prefix.isEmpty {
            name = ObjectRules.generatedName(prefix)
        }
        if let requestName = request.name, !name.isEmpty, requestName != name {
            throw APIError.badRequest("the name of the object (\(name)) does not match the name on the URL (\(requestName))")
        }
        if name.isEmpty { name = request.name ?? "" }
        guard !name.isEmpty else {
            throw APIError.invalid(resource, kind: resource.kind, "", [
                .init(type: "FieldValueRequired", message: "Required value: name or generateName is required", field: "metadata.name"),
            ])
        }
        if resource.schema == nil, let problem = ObjectRules.nameProblem(name, kind: resource.kind) {
            throw APIError.invalid(resource, kind: resource.kind, name, [
                .init(type: "FieldValueInvalid", message: "Invalid value: \"\(name)\": \(problem)", field: "metadata.name"),
            ])
        }
        let namespace = request.namespace ?? ""
        if resource.namespaced {
            try requireActiveNamespace(namespace, for: resource, name: name, state)
        }
        let key = ObjectKey(namespace: namespace, name: name)
        if state.object(resource, key) != nil { throw APIError.alreadyExists(resource, name) }

        metadata["name"] = .string(name)
        if resource.namespaced { metadata["namespace"] = .string(namespace) } else { metadata["namespace"] = nil }
        metadata["uid"] = .string(UUID().uuidString.lowercased())
        metadata["creationTimestamp"] = .string(Timestamps.now())
        for field in ["resourceVersion", "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink"] {
            metadata[field] = nil
        }
        if resource.tracksGeneration || resource.schema != nil { metadata["generation"] = 1 } else { metadata["generation"] = nil }
        object["metadata"] = metadata
        if resource.hasStatus, resource.kind != "Namespace" { object["status"] = nil }
        if resource.kind == "Namespace" {
            object["spec"] = ["finalizers": ["kubernetes"]]
            object["status"] = ["phase": "Active"]
            object["metadata"]?["labels"]?["kubernetes.io/metadata.name"] = .string(name)
            if object["metadata"]?["labels"] == nil { object["metadata"]?["labels"] = ["kubernetes.io/metadata.name": .string(name)] }
        }
        let metadataCauses = ObjectRules.metadataCauses(object)
        if !metadataCauses.isEmpty { throw APIError.invalid(resource, kind: resource.kind, name, metadataCauses) }
        var warnings: [String] = []
        if let schema = resource.schema {
            let admission = schema.admit(object)
            try reject(admission.errors, resource, name)
            try rejectUnknown(admission.unknownFields, request)
            object = admission.object
            warnings = admission.warnings
        }
        if resource.kind == "CustomResourceDefinition" {
            object = try CRDRegistrar.validated(object, state: state)
        }
        object = try managed(object)
        if request.dryRun { return (presented(object, resource), warnings) }
        let stored = state.commit(.added, resource, key, object, previous: nil)
        if resource.kind == "CustomResourceDefinition" { register(crd: stored, key: key, state: &state) }
        return (presented(stored, resource), warnings)
    }

    /// Update (PUT) and every kind of patch, on the main resource or a subresource. Apply may create.
    func write(_ request: ResourceRequest) throws(APIError) -> (JSONValue, [String], Bool) {
        let resource = request.resource
        let name = request.name ?? ""
        let key = ObjectKey(namespace: request.namespace ?? "", name: name)
        let patchType = request.verb == "patch" ? try PatchType(request.http.headers["Content-Type"]) : nil
        let manager = ServerSideApply.fieldManager(requested: request.fieldManager, userAgent: request.userAgent)
        let problems = ServerSideApply.fieldManagerProblems(request.fieldManager, isApply: patchType == .apply, force: request.force)
        if !problems.isEmpty, patchType == .apply || request.fieldManager != nil || request.force {
            throw APIError.invalid(resource, kind: resource.kind, name, problems.map {
                .init(type: "FieldValueInvalid", message: $0, field: "fieldManager")
            })
        }
        let body = try Self.decodeBody(request.http)
        return try state.withLock { (state) throws(APIError) in
            guard let old = state.object(resource, key) else {
                guard patchType == .apply else { throw APIError.notFound(resource, name) }
                guard request.subresource == nil else { throw APIError.notFound(resource, name) }
                let applied = try applied(live: nil, body, request, manager: manager)
                let (object, warnings) = try insert(applied, request, manager: manager, state: &state, managed: { object in
                    var object = object
                    object["metadata"]?["managedFields"] = applied["metadata"]?["managedFields"]
                    return object
                })
                return (object, warnings, true)
            }
            var candidate: JSONValue
            switch (patchType, request.subresource) {
            case (nil, "scale"):
                candidate = try scaled(old, body, resource)
            case (nil, _):
                candidate = try checkedTypeMeta(body, resource)
                try checkUpdatePreconditions(candidate, old: old, request)
            case (.apply, _):
                candidate = try applied(live: old, body, request, manager: manager)
            case (let type?, "scale"):
                let patched = try patch(Scale.document(of: old, resource), with: body, type: type, resource: resource)
                candidate = try scaled(old, patched, resource)
            case (let type?, _):
                candidate = try patch(presented(old, resource), with: body, type: type, resource: resource)
                try checkPatchPreconditions(body, old: old, resource)
                try checkPatchedIdentity(candidate, request)
            }
            let (object, warnings) = try update(
                old: old, candidate: candidate, key: key, request, manager: manager,
                recordOwnership: patchType != .apply, state: &state)
            return (object, warnings, false)
        }
    }

    /// The common end of every update: immutable metadata, status rules, finalizer rules, schema, generation,
    /// field ownership, then the store (or a real deletion when the last finalizer of a deleting object goes).
    func update(
        old: JSONValue, candidate: JSONValue, key: ObjectKey, _ request: ResourceRequest, manager: String,
        recordOwnership: Bool, state: inout EmulatorState
    ) throws(APIError) -> (JSONValue, [String]) {
        let resource = request.resource
        var object = candidate
        if request.subresource == "status" {
            var replaced = old
            replaced["status"] = candidate["status"]
            replaced["metadata"]?["managedFields"] = candidate["metadata"]?["managedFields"]
            object = replaced
        } else if resource.hasStatus, resource.kind != "Namespace" {
            object["status"] = old["status"]
        }
        if resource.kind == "Namespace" { object["spec"] = old["spec"]; object["status"] = old["status"] }
        var metadata = object["metadata"] ?? [:]
        guard case .object = metadata else { throw APIError.badRequest("metadata must be an object") }
        for field in ["name", "namespace", "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation"] {
            metadata[field] = old["metadata"]?[field]
        }
        metadata["resourceVersion"] = old["metadata"]?["resourceVersion"]
        object["metadata"] = metadata
        object["apiVersion"] = old["apiVersion"] ?? .string(resource.apiVersion)
        object["kind"] = .string(resource.kind)

        if ObjectRules.isDeleting(old) {
            let added = Set(ObjectRules.finalizers(object)).subtracting(ObjectRules.finalizers(old))
            if !added.isEmpty {
                throw APIError.invalid(resource, kind: resource.kind, key.name, [
                    .init(
                        type: "FieldValueForbidden",
                        message: "Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{\(added.sorted().map { "\"\($0)\"" }.joined(separator: ", "))}",
                        field: "metadata.finalizers"),
                ])
            }
        }
        let causes = ObjectRules.metadataCauses(object) + ObjectRules.immutabilityCauses(old: old, new: object, kind: resource.kind)
        if !causes.isEmpty { throw APIError.invalid(resource, kind: resource.kind, key.name, causes) }
        var warnings: [String] = []
        if let schema = resource.schema {
            let admission = schema.admit(object, old: old)
            try reject(admission.errors, resource, key.name)
            try rejectUnknown(admission.unknownFields, request)
            object = admission.object
            warnings = admission.warnings
        }
        if resource.kind == "CustomResourceDefinition" {
            object = try CRDRegistrar.validated(object, state: state)
        }
        if resource.tracksGeneration || resource.schema != nil, request.subresource != "status",
            ObjectRules.specPart(object) != ObjectRules.specPart(old)
        {
            let generation = old["metadata"]?["generation"]?.integerValue ?? 0
            object["metadata"]?["generation"] = .integer(generation + 1)
        }
        if recordOwnership {
            object = ServerSideApply.recordUpdate(
                old: old, new: object, manager: manager, semantics: resource.semantics,
                apiVersion: resource.apiVersion, now: Timestamps.now(), subresource: request.subresource)
        }
        if object == old { return (presented(old, resource), warnings) }
        if request.dryRun { return (presented(object, resource), warnings) }
        if ObjectRules.isDeleting(object), ObjectRules.finalizers(object).isEmpty {
            let deleted = state.commit(.deleted, resource, key, object, previous: old)
            collectGarbage(&state)
            return (presented(deleted, resource), warnings)
        }
        let stored = state.commit(.modified, resource, key, object, previous: old)
        if resource.kind == "CustomResourceDefinition" { register(crd: stored, key: key, state: &state) }
        if ObjectRules.isDeleting(stored) { collectGarbage(&state) }
        return (presented(stored, resource), warnings)
    }

    private func applied(live: JSONValue?, _ body: JSONValue, _ request: ResourceRequest, manager: String) throws(APIError) -> JSONValue {
        let resource = request.resource
        let configuration = try checkedTypeMeta(body, resource)
        if configuration["metadata"]?["managedFields"] != nil {
            throw APIError.badRequest("metadata.managedFields must be nil")
        }
        if let name = configuration["metadata"]?["name"]?.stringValue, name != request.name {
            throw APIError.badRequest("the name of the object (\(name)) does not match the name on the URL (\(request.name ?? ""))")
        }
        do {
            var base = live.map { presented($0, resource) }
            if base == nil {
                base = ["apiVersion": .string(resource.apiVersion), "kind": .string(resource.kind), "metadata": ["name": .string(request.name ?? "")]]
                if let namespace = request.namespace { base?["metadata"]?["namespace"] = .string(namespace) }
            }
            var configured = configuration
            if configured["metadata"]?["name"] == nil { configured["metadata"]?["name"] = .string(request.name ?? "") }
            let result = try ServerSideApply.apply(
                live: live == nil ? nil : base, configuration: configured, manager: manager, force: request.force,
                semantics: resource.semantics, apiVersion: resource.apiVersion, now: Timestamps.now(),
                hasStatusSubresource: resource.hasStatus, subresource: request.subresource)
            guard live == nil else { return result }
            var created = result
            created["metadata"]?["name"] = .string(request.name ?? "")
            return created
        } catch {
            throw APIError(
                code: 409, reason: "Conflict", message: error.message,
                details: APIError.details(resource, name: request.name, causes: error.conflicts.map {
                    .init(type: "FieldManagerConflict", message: $0.message, field: $0.field)
                }))
        }
    }

    private func patch(_ object: JSONValue, with body: JSONValue, type: PatchType, resource: ResourceType) throws(APIError) -> JSONValue {
        do {
            switch type {
            case .merge:
                guard case .object = body else { throw APIError.badRequest("invalid JSON merge patch: must be an object") }
                return JSONMergePatch.apply(body, to: object)
            case .json:
                return try JSONPatch.apply(body, to: object)
            case .strategic:
                guard resource.acceptsStrategicMerge else {
                    let error = PatchError.unsupportedPatchType(accepted: PatchType.mediaTypes(strategic: false))
                    throw APIError(code: error.statusCode, reason: error.reason ?? "UnsupportedMediaType", message: error.statusMessage)
                }
                return try StrategicMergePatch.apply(body, to: object, semantics: resource.semantics)
            case .apply:
                return object
            }
        } catch let error as PatchError {
            throw APIError(code: error.statusCode, reason: error.reason ?? "InternalError", message: error.statusMessage)
        } catch let error as APIError {
            throw error
        } catch {
            throw APIError.badRequest("\(error)")
        }
    }

    private func scaled(_ old: JSONValue, _ scale: JSONValue, _ resource: ResourceType) throws(APIError) -> JSONValue {
        guard let paths = resource.scale, let replicas = scale["spec"]?["replicas"]?.integerValue else {
            throw APIError.badRequest("Scale must set spec.replicas")
        }
        guard replicas >= 0 else {
            throw APIError.invalid(resource, kind: "Scale", old["metadata"]?["name"]?.stringValue ?? "", [
                .init(type: "FieldValueInvalid", message: "Invalid value: \(replicas): must be greater than or equal to 0", field: "spec.replicas"),
            ])
        }
        if let requested = scale["metadata"]?["resourceVersion"]?.stringValue, !requested.isEmpty,
            requested != old["metadata"]?["resourceVersion"]?.stringValue
        {
            throw APIError.conflict(resource, old["metadata"]?["name"]?.stringValue ?? "", APIError.staleResourceVersion)
        }
        return Scale.setting(old, paths.specReplicas, to: .integer(replicas))
    }

    func checkedTypeMeta(_ body: JSONValue, _ resource: ResourceType) throws(APIError) -> JSONValue {
        guard case .object = body else {
            throw APIError.badRequest("the body of the request must be a \(resource.kind) object")
        }
        var object = body
        if let apiVersion = body["apiVersion"]?.stringValue, !apiVersion.isEmpty {
            let sameGroup = apiVersion.split(separator: "/").count == (resource.group.isEmpty ? 1 : 2)
                && (resource.group.isEmpty ? true : apiVersion.hasPrefix(resource.group + "/"))
            guard sameGroup else {
                throw APIError.badRequest(
                    "the API version in the data (\(apiVersion)) does not match the expected API version (\(resource.apiVersion))")
            }
        }
        if let kind = body["kind"]?.stringValue, !kind.isEmpty, kind != resource.kind {
            throw APIError.badRequest("the kind in the data (\(kind)) does not match the expected kind (\(resource.kind))")
        }
        object["apiVersion"] = .string(resource.apiVersion)
        object["kind"] = .string(resource.kind)
        return object
    }

    private func checkUpdatePreconditions(_ candidate: JSONValue, old: JSONValue, _ request: ResourceRequest) throws(APIError) {
        let resource = request.resource
        let name = request.name ?? ""
        if let bodyName = candidate["metadata"]?["name"]?.stringValue, bodyName != name {
            throw APIError.badRequest("the name of the object (\(bodyName)) does not match the name on the URL (\(name))")
        }
        let requested = candidate["metadata"]?["resourceVersion"]?.stringValue ?? ""
        if requested.isEmpty {
            if resource.schema != nil {
                throw APIError.invalid(resource, kind: resource.kind, name, [
                    .init(type: "FieldValueInvalid", message: "Invalid value: 0x0: must be specified for an update", field: "metadata.resourceVersion"),
                ])
            }
        } else if requested != old["metadata"]?["resourceVersion"]?.stringValue {
            throw APIError.conflict(resource, name, APIError.staleResourceVersion)
        }
    }

    /// A patch may not rename an object or move it to another namespace (the apiserver's checkName).
    private func checkPatchedIdentity(_ patched: JSONValue, _ request: ResourceRequest) throws(APIError) {
        let name = patched["metadata"]?["name"]?.stringValue ?? ""
        if name != (request.name ?? "") {
            throw APIError.badRequest("the name of the object (\(name)) does not match the name on the URL (\(request.name ?? ""))")
        }
        let namespace = patched["metadata"]?["namespace"]?.stringValue ?? ""
        if request.resource.namespaced, namespace != (request.namespace ?? "") {
            throw APIError.badRequest("the namespace of the object (\(namespace)) does not match the namespace on the request (\(request.namespace ?? ""))")
        }
    }

    private func checkPatchPreconditions(_ patch: JSONValue, old: JSONValue, _ resource: ResourceType) throws(APIError) {
        guard let requested = patch["metadata"]?["resourceVersion"]?.stringValue else { return }
        if requested != old["metadata"]?["resourceVersion"]?.stringValue {
            throw APIError.conflict(resource, old["metadata"]?["name"]?.stringValue ?? "", APIError.staleResourceVersion)
        }
    }

    func requireActiveNamespace(_ namespace: String, for resource: ResourceType, name: String, _ state: EmulatorState) throws(APIError) {
        let namespaces = state.resource(group: "", version: "v1", plural: "namespaces")!
        guard let object = state.object(namespaces, ObjectKey(namespace: "", name: namespace)) else {
            throw APIError.notFound(namespaces, namespace)
        }
        if ObjectRules.isDeleting(object) {
            throw APIError.forbidden(
                resource, name,
                "unable to create new content in namespace \(namespace) because it is being terminated")
        }
    }

    private func reject(_ errors: [FieldError], _ resource: ResourceType, _ name: String) throws(APIError) {
        guard !errors.isEmpty else { return }
        throw APIError.invalid(resource, kind: resource.kind, name, errors.map {
            .init(type: $0.type.rawValue, message: $0.message, field: $0.field)
        })
    }

    private func rejectUnknown(_ unknown: [String], _ request: ResourceRequest) throws(APIError) {
        guard request.http.query("fieldValidation") == "Strict", !unknown.isEmpty else { return }
        throw APIError.badRequest(
            ".\(request.resource.kind) \"\(request.name ?? "")\": strict decoding error: "
                + unknown.map { "unknown field \"\($0)\"" }.joined(separator: ", "))
    }
}

/// The patch formats kube-apiserver accepts, by Content-Type.
enum PatchType: Equatable {
    case json, merge, strategic, apply

    init(_ contentType: String?) throws(APIError) {
        let mediaType = (contentType ?? "").split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        switch mediaType {
        case "application/json-patch+json": self = .json
        case "application/merge-patch+json": self = .merge
        case "application/strategic-merge-patch+json": self = .strategic
        case "application/apply-patch+yaml", "application/apply-patch+json", "application/apply-patch+cbor": self = .apply
        default:
            throw APIError(
                code: 415, reason: "UnsupportedMediaType",
                message: "the body of the request was in an unknown format - accepted media types include: \(Self.mediaTypes(strategic: true).joined(separator: ", "))")
        }
    }

    static func mediaTypes(strategic: Bool) -> [String] {
        ["application/json-patch+json", "application/merge-patch+json"]
            + (strategic ? ["application/strategic-merge-patch+json"] : []) + ["application/apply-patch+yaml"]
    }
}
