import EnsembleSupport
import Foundation
import Testing
@testable import KubeTesting

/// Update, optimistic concurrency, the four patch types and server-side apply, from kubernetes.io "API Concepts",
/// "Update API Objects in Place Using kubectl patch" and "Server-Side Apply".
@Suite struct EmulatorWriteConformancePatchTests {
    // MARK: optimistic concurrency

    @Test func putWithTheCurrentResourceVersionUpdatesAndAdvancesIt() async throws {
        try await EmulatorTestClient.with { client in
            let created = try await client.post(Fixtures.configMaps(), Fixtures.newConfigMap("one", data: ["v": "1"]))
            var body = created.body
            body["data"] = ["v": "2"]
            let updated = try await client.put(Fixtures.configMap("one"), body)
            #expect(updated.status == 200)
            #expect(updated["data"]?["v"] == "2")
            #expect(Int(updated.resourceVersion ?? "") ?? 0 > Int(created.resourceVersion ?? "") ?? 0)
            #expect(updated.metadata("uid") == created.metadata("uid"))
            #expect(updated.metadata("creationTimestamp") == created.metadata("creationTimestamp"))
        }
    }

    @Test func putWithAStaleResourceVersionIsAConflict() async throws {
        try await EmulatorTestClient.with { client in
            let created = try await client.post(Fixtures.configMaps(), Fixtures.newConfigMap("one", data: ["v": "1"]))
            _ = try await client.patch(Fixtures.configMap("one"), ["data": ["v": "2"]])
            var stale = created.body
            stale["data"] = ["v": "3"]
            let response = try await client.put(Fixtures.configMap("one"), stale)
            #expect(response.status == 409)
            #expect(response.reason == "Conflict")
            #expect(response["details"]?["name"] == "one")
            #expect(response["message"]?.stringValue?.contains("the object has been modified") == true)
            #expect(try await client.get(Fixtures.configMap("one"))["data"]?["v"] == "2")
        }
    }

    @Test func putCannotChangeImmutableMetadata() async throws {
        try await EmulatorTestClient.with { client in
            let created = try await client.post(Fixtures.configMaps(), Fixtures.newConfigMap("one"))
            var body = created.body
            body["metadata"]?["uid"] = "other"
            body["metadata"]?["creationTimestamp"] = "2001-01-01T00:00:00Z"
            let updated = try await client.put(Fixtures.configMap("one"), body)
            #expect(updated.metadata("uid") == created.metadata("uid"))
            #expect(updated.metadata("creationTimestamp") == created.metadata("creationTimestamp"))
            var renamed = created.body
            renamed["metadata"]?["name"] = "two"
            #expect(try await client.put(Fixtures.configMap("one"), renamed).status == 400)
        }
    }

    @Test func mergePatchWithAStaleResourceVersionPreconditionIsAConflict() async throws {
        try await EmulatorTestClient.with { client in
            let created = try await client.post(Fixtures.configMaps(), Fixtures.newConfigMap("one", data: ["v": "1"]))
            let current = try await client.patch(
                Fixtures.configMap("one"),
                ["metadata": ["resourceVersion": .string(created.resourceVersion ?? "")], "data": ["v": "2"]])
            #expect(current.status == 200)
            let stale = try await client.patch(
                Fixtures.configMap("one"),
                ["metadata": ["resourceVersion": .string(created.resourceVersion ?? "")], "data": ["v": "3"]])
            #expect(stale.status == 409)
            #expect(stale.reason == "Conflict")
            #expect(try await client.get(Fixtures.configMap("one"))["data"]?["v"] == "2")
        }
    }

    @Test func patchCannotRenameOrMoveAnObject() async throws {
        try await EmulatorTestClient.with { client in
            let created = try await client.post(Fixtures.configMaps(), Fixtures.newConfigMap("one"))
            let renamed = try await client.patch(Fixtures.configMap("one"), ["metadata": ["name": "two"]])
            #expect(renamed.status == 400)
            #expect(renamed.reason == "BadRequest")
            let moved = try await client.patch(
                Fixtures.configMap("one"), [["op": "replace", "path": "/metadata/namespace", "value": "kube-system"]],
                contentType: PatchType.json)
            #expect(moved.status == 400)
            #expect(try await client.get(Fixtures.configMap("two")).status == 404)
            #expect(try await client.get(Fixtures.configMap("one")).resourceVersion == created.resourceVersion)
        }
    }

    // MARK: patch types

    @Test func jsonMergePatchSetsReplacesAndNullDeletes() async throws {
        try await EmulatorTestClient.with { client in
            _ = try await client.post(Fixtures.configMaps(), Fixtures.newConfigMap("one", data: ["a": "1", "b": "2"]))
            let patched = try await client.patch(
                Fixtures.configMap("one"), ["data": ["a": "changed", "b": nil, "c": "3"], "metadata": ["labels": ["x": "y"]]])
            #expect(patched.status == 200)
            let stored = try await client.get(Fixtures.configMap("one"))
            #expect(stored["data"] == ["a": "changed", "c": "3"])
            #expect(stored.metadata("labels")?["x"] == "y")
        }
    }

    @Test func jsonPatchAppliesOperationsInOrder() async throws {
        try await EmulatorTestClient.with { client in
            _ = try await client.post(Fixtures.configMaps(), Fixtures.newConfigMap("one", data: ["a": "1", "b": "2"]))
            let patched = try await client.patch(Fixtures.configMap("one"), [
                ["op": "test", "path": "/data/a", "value": "1"],
                ["op": "replace", "path": "/data/a", "value": "10"],
                ["op": "remove", "path": "/data/b"],
                ["op": "add", "path": "/metadata/labels", "value": ["example.com/tier": "z"]],
                ["op": "copy", "from": "/data/a", "path": "/data/c"],
                ["op": "replace", "path": "/metadata/labels/example.com~1tier", "value": "web"],
            ], contentType: PatchType.json)
            #expect(patched.status == 200, "\(patched.body)")
            let stored = try await client.get(Fixtures.configMap("one"))
            #expect(stored["data"] == ["a": "10", "c": "10"])
            #expect(stored.metadata("labels")?["example.com/tier"] == "web")
        }
    }

    @Test func jsonPatchWithAFailingTestIsInvalidAndChangesNothing() async throws {
        try await EmulatorTestClient.with { client in
            let created = try await client.post(Fixtures.configMaps(), Fixtures.newConfigMap("one", data: ["a": "1"]))
            let response = try await client.patch(Fixtures.configMap("one"), [
                ["op": "replace", "path": "/data/a", "value": "2"],
                ["op": "test", "path": "/data/a", "value": "1"],
            ], contentType: PatchType.json)
            #expect(response.status == 422)
            #expect(response["kind"] == "Status")
            let stored = try await client.get(Fixtures.configMap("one"))
            #expect(stored["data"]?["a"] == "1")
            #expect(stored.resourceVersion == created.resourceVersion)
        }
    }

    @Test func jsonPatchThatIsNotAnArrayIsABadRequest() async throws {
        try await EmulatorTestClient.with { client in
            _ = try await client.post(Fixtures.configMaps(), Fixtures.newConfigMap("one"))
            let response = try await client.patch(Fixtures.configMap("one"), ["op": "remove"], contentType: PatchType.json)
            #expect(response.status == 400 || response.status == 422)
            #expect(response["kind"] == "Status")
        }
    }

    @Test func strategicMergePatchMergesDeploymentContainersByName() async throws {
        try await EmulatorTestClient.with { client in
            var deployment = Fixtures.newDeployment("web")
            deployment["spec"]?["template"]?["spec"]?["containers"] = [
                ["name": "main", "image": "nginx:1", "ports": [["containerPort": 80]]],
                ["name": "sidecar", "image": "envoy:1"],
            ]
            _ = try await client.post(Fixtures.deployments(), deployment)
            let patched = try await client.patch(Fixtures.deployment("web"), [
                "spec": ["template": ["spec": ["containers": [
                    ["name": "main", "image": "nginx:2"],
                    ["name": "logger", "image": "fluentbit:1"],
                ]]]],
            ], contentType: PatchType.strategic)
            #expect(patched.status == 200, "\(patched.body)")
            let containers = try await client.get(Fixtures.deployment("web"))["spec"]?["template"]?["spec"]?["containers"]?.arrayValue ?? []
            let byName = Dictionary(containers.map { ($0["name"]?.stringValue ?? "", $0) }) { a, _ in a }
            #expect(Set(byName.keys) == ["main", "sidecar", "logger"])
            #expect(byName["main"]?["image"] == "nginx:2")
            #expect(byName["main"]?["ports"]?[0]?["containerPort"] == 80)
            #expect(byName["sidecar"]?["image"] == "envoy:1")

            let deleted = try await client.patch(Fixtures.deployment("web"), [
                "spec": ["template": ["spec": ["containers": [["name": "sidecar", "$patch": "delete"]]]]],
            ], contentType: PatchType.strategic)
            #expect(deleted.status == 200)
            let remaining = try await client.get(Fixtures.deployment("web"))["spec"]?["template"]?["spec"]?["containers"]?.arrayValue ?? []
            #expect(Set(remaining.compactMap { $0["name"]?.stringValue }) == ["main", "logger"])
        }
    }

    @Test func jsonMergePatchReplacesDeploymentContainersWhole() async throws {
        try await EmulatorTestClient.with { client in
            var deployment = Fixtures.newDeployment("web")
            deployment["spec"]?["template"]?["spec"]?["containers"] = [
                ["name": "main", "image": "nginx:1"], ["name": "sidecar", "image": "envoy:1"],
            ]
            _ = try await client.post(Fixtures.deployments(), deployment)
            _ = try await client.patch(Fixtures.deployment("web"), [
                "spec": ["template": ["spec": ["containers": [["name": "main", "image": "nginx:2"]]]]],
            ])
            let containers = try await client.get(Fixtures.deployment("web"))["spec"]?["template"]?["spec"]?["containers"]
            #expect(containers == [["name": "main", "image": "nginx:2"]])
        }
    }

    @Test func strategicMergePatchOnACustomResourceIsUnsupportedMediaType() async throws {
        try await EmulatorTestClient.with { client in
            try await client.installWidgetCRD()
            let created = try await client.post(Fixtures.widgets(), Fixtures.newWidget("w"))
            let response = try await client.patch(
                "\(Fixtures.widgets())/w", ["spec": ["size": 4]], contentType: PatchType.strategic)
            #expect(response.status == 415)
            #expect(response.reason == "UnsupportedMediaType")
            #expect(try await client.get("\(Fixtures.widgets())/w").resourceVersion == created.resourceVersion)
        }
    }

    @Test func unknownPatchContentTypeIsUnsupportedMediaType() async throws {
        try await EmulatorTestClient.with { client in
            _ = try await client.post(Fixtures.configMaps(), Fixtures.newConfigMap("one"))
            let response = try await client.patch(Fixtures.configMap("one"), ["data": [:]], contentType: "text/plain")
            #expect(response.status == 415)
            #expect(response["kind"] == "Status")
        }
    }

    // MARK: server-side apply

    private func managers(_ object: EmulatorResponse) -> [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        for entry in object.metadata("managedFields")?.arrayValue ?? [] {
            if let manager = entry["manager"]?.stringValue { result[manager] = entry }
        }
        return result
    }

    @Test func applyCreatesTheObjectAndRecordsOwnership() async throws {
        try await EmulatorTestClient.with { client in
            let response = try await client.apply(
                Fixtures.configMap("applied"), Fixtures.newConfigMap("applied", data: ["a": "1"]), fieldManager: "alice")
            #expect(response.status == 201)
            #expect(response.metadata("uid")?.stringValue?.isEmpty == false)
            let stored = try await client.get(Fixtures.configMap("applied"))
            #expect(stored["data"]?["a"] == "1")
            let alice = try #require(managers(stored)["alice"])
            #expect(alice["operation"] == "Apply")
            #expect(alice["apiVersion"] == "v1")
            #expect(alice["fieldsType"] == "FieldsV1")
            #expect(alice["fieldsV1"]?["f:data"]?["f:a"] != nil)
        }
    }

    @Test func applyWithoutAFieldManagerIsRejected() async throws {
        try await EmulatorTestClient.with { client in
            let response = try await client.patch(
                Fixtures.configMap("x"), Fixtures.newConfigMap("x"), contentType: PatchType.apply)
            #expect(response.status == 422 || response.status == 400)
            #expect(try await client.get(Fixtures.configMap("x")).status == 404)
        }
    }

    @Test func applyingAFieldOwnedByAnotherManagerConflictsUntilForced() async throws {
        try await EmulatorTestClient.with { client in
            _ = try await client.apply(
                Fixtures.configMap("shared"), Fixtures.newConfigMap("shared", data: ["a": "alice"]), fieldManager: "alice")
            let conflict = try await client.apply(
                Fixtures.configMap("shared"), Fixtures.newConfigMap("shared", data: ["a": "bob"]), fieldManager: "bob")
            #expect(conflict.status == 409)
            #expect(conflict.reason == "Conflict")
            let causes = conflict["details"]?["causes"]?.arrayValue ?? []
            #expect(causes.contains { $0["field"] == ".data.a" && $0["reason"] == "FieldManagerConflict" }, "\(causes)")
            #expect(conflict["message"]?.stringValue?.contains("alice") == true)
            #expect(try await client.get(Fixtures.configMap("shared"))["data"]?["a"] == "alice")

            let forced = try await client.apply(
                Fixtures.configMap("shared"), Fixtures.newConfigMap("shared", data: ["a": "bob"]), fieldManager: "bob",
                force: true)
            #expect(forced.status == 200)
            let stored = try await client.get(Fixtures.configMap("shared"))
            #expect(stored["data"]?["a"] == "bob")
            #expect(managers(stored)["bob"]?["fieldsV1"]?["f:data"]?["f:a"] != nil)
            #expect(managers(stored)["alice"]?["fieldsV1"]?["f:data"]?["f:a"] == nil)
        }
    }

    @Test func applyingTheSameValueSharesOwnershipWithoutConflict() async throws {
        try await EmulatorTestClient.with { client in
            _ = try await client.apply(
                Fixtures.configMap("shared"), Fixtures.newConfigMap("shared", data: ["a": "same"]), fieldManager: "alice")
            let bob = try await client.apply(
                Fixtures.configMap("shared"), Fixtures.newConfigMap("shared", data: ["a": "same", "b": "bob"]),
                fieldManager: "bob")
            #expect(bob.status == 200)
            let stored = try await client.get(Fixtures.configMap("shared"))
            #expect(managers(stored)["alice"]?["fieldsV1"]?["f:data"]?["f:a"] != nil)
            #expect(managers(stored)["bob"]?["fieldsV1"]?["f:data"]?["f:a"] != nil)
            #expect(stored["data"] == ["a": "same", "b": "bob"])
        }
    }

    @Test func applyRemovesFieldsTheManagerNoLongerApplies() async throws {
        try await EmulatorTestClient.with { client in
            _ = try await client.apply(
                Fixtures.configMap("cm"), Fixtures.newConfigMap("cm", data: ["a": "1", "b": "2"]), fieldManager: "alice")
            _ = try await client.patch("\(Fixtures.configMap("cm"))?fieldManager=editor", ["data": ["c": "3"]])
            let reapplied = try await client.apply(
                Fixtures.configMap("cm"), Fixtures.newConfigMap("cm", data: ["a": "1"]), fieldManager: "alice")
            #expect(reapplied.status == 200)
            let stored = try await client.get(Fixtures.configMap("cm"))
            #expect(stored["data"] == ["a": "1", "c": "3"])
            #expect(managers(stored)["editor"]?["operation"] == "Update")
        }
    }

    @Test func updateOfAnAppliedFieldTakesOwnershipWithoutConflict() async throws {
        try await EmulatorTestClient.with { client in
            _ = try await client.apply(
                Fixtures.configMap("cm"), Fixtures.newConfigMap("cm", data: ["a": "1"]), fieldManager: "alice")
            let patched = try await client.patch("\(Fixtures.configMap("cm"))?fieldManager=editor", ["data": ["a": "2"]])
            #expect(patched.status == 200)
            let stored = try await client.get(Fixtures.configMap("cm"))
            #expect(managers(stored)["editor"]?["fieldsV1"]?["f:data"]?["f:a"] != nil)
            // Alice re-applying her old value now conflicts with the editor.
            let conflict = try await client.apply(
                Fixtures.configMap("cm"), Fixtures.newConfigMap("cm", data: ["a": "1"]), fieldManager: "alice")
            #expect(conflict.status == 409)
        }
    }

    @Test func applyOfADeploymentMergesContainersByNameAcrossManagers() async throws {
        try await EmulatorTestClient.with { client in
            _ = try await client.apply(Fixtures.deployment("web"), Fixtures.newDeployment("web"), fieldManager: "ensemble")
            var scaled: JSONValue = ["apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "web"]]
            scaled["spec"] = ["replicas": 4]
            let conflict = try await client.apply(Fixtures.deployment("web"), scaled, fieldManager: "hpa")
            #expect(conflict.status == 409)
            #expect(conflict["details"]?["causes"]?.arrayValue?.contains { $0["field"] == ".spec.replicas" } == true)
            let hpa = try await client.apply(Fixtures.deployment("web"), scaled, fieldManager: "hpa", force: true)
            #expect(hpa.status == 200)
            var withoutReplicas = Fixtures.newDeployment("web", image: "nginx:2")
            withoutReplicas["spec"]?["replicas"] = nil
            let reapplied = try await client.apply(Fixtures.deployment("web"), withoutReplicas, fieldManager: "ensemble")
            #expect(reapplied.status == 200, "\(reapplied.body)")
            let stored = try await client.get(Fixtures.deployment("web"))
            #expect(stored["spec"]?["replicas"] == 4)
            #expect(stored["spec"]?["template"]?["spec"]?["containers"]?[0]?["image"] == "nginx:2")
        }
    }
}
