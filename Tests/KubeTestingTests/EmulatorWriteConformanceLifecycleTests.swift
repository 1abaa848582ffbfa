import EnsembleSupport
import Foundation
import Testing
@testable import KubeTesting

/// Status and scale subresources, generation, finalizers, garbage collection and deletion, from the API conventions
/// ("Spec and Status"), the CRD docs (subresources), "Finalizers", "Garbage Collection" and "Namespaces".
@Suite struct EmulatorWriteConformanceLifecycleTests {
    // MARK: status subresource and generation

    @Test func statusSubresourceChangesOnlyStatus() async throws {
        try await EmulatorTestClient.with { client in
            try await client.installWidgetCRD()
            let created = try await client.post(Fixtures.widgets(), Fixtures.newWidget("w", spec: ["size": 2]))
            var body = created.body
            body["status"] = ["phase": "Ready"]
            body["spec"] = ["size": 9]
            body["metadata"]?["labels"] = ["ignored": "yes"]
            let updated = try await client.put("\(Fixtures.widgets())/w/status", body)
            #expect(updated.status == 200, "\(updated.body)")
            let stored = try await client.get("\(Fixtures.widgets())/w")
            #expect(stored["status"]?["phase"] == "Ready")
            #expect(stored["spec"]?["size"] == 2)
            #expect(stored.metadata("generation")?.integerValue == 1)

            let patched = try await client.patch("\(Fixtures.widgets())/w/status", ["status": ["phase": "Done"], "spec": ["size": 8]])
            #expect(patched.status == 200)
            let again = try await client.get("\(Fixtures.widgets())/w")
            #expect(again["status"]?["phase"] == "Done")
            #expect(again["spec"]?["size"] == 2)
            #expect(again.metadata("generation")?.integerValue == 1)
            #expect(Int(again.resourceVersion ?? "") ?? 0 > Int(created.resourceVersion ?? "") ?? 0)
        }
    }

    @Test func mainResourceIgnoresStatus() async throws {
        try await EmulatorTestClient.with { client in
            try await client.installWidgetCRD()
            var body = Fixtures.newWidget("w")
            body["status"] = ["phase": "Forged"]
            let created = try await client.post(Fixtures.widgets(), body)
            #expect(created["status"]?["phase"] == nil)
            _ = try await client.patch("\(Fixtures.widgets())/w/status", ["status": ["phase": "Real"]])
            let patched = try await client.patch("\(Fixtures.widgets())/w", ["status": ["phase": "Forged"], "spec": ["size": 5]])
            #expect(patched.status == 200)
            let stored = try await client.get("\(Fixtures.widgets())/w")
            #expect(stored["status"]?["phase"] == "Real")
            #expect(stored["spec"]?["size"] == 5)
        }
    }

    @Test func generationCountsSpecChangesOnly() async throws {
        try await EmulatorTestClient.with { client in
            try await client.installWidgetCRD()
            _ = try await client.post(Fixtures.widgets(), Fixtures.newWidget("w"))
            let path = "\(Fixtures.widgets())/w"
            #expect(try await client.patch(path, ["spec": ["size": 4]]).metadata("generation")?.integerValue == 2)
            #expect(try await client.patch(path, ["metadata": ["labels": ["a": "b"], "annotations": ["c": "d"]]])
                .metadata("generation")?.integerValue == 2)
            #expect(try await client.patch("\(path)/status", ["status": ["observedGeneration": 2]])
                .metadata("generation")?.integerValue == 2)
            #expect(try await client.patch(path, ["spec": ["size": 4]]).metadata("generation")?.integerValue == 2)
            #expect(try await client.patch(path, ["spec": ["color": "blue"]]).metadata("generation")?.integerValue == 3)
        }
    }

    @Test func deploymentGenerationIgnoresStatusAndMetadataWrites() async throws {
        try await EmulatorTestClient.with { client in
            _ = try await client.post(Fixtures.deployments(), Fixtures.newDeployment("web"))
            let path = Fixtures.deployment("web")
            #expect(try await client.patch("\(path)/status", ["status": ["replicas": 1, "readyReplicas": 1]])
                .metadata("generation")?.integerValue == 1)
            #expect(try await client.patch(path, ["metadata": ["labels": ["a": "b"]]]).metadata("generation")?.integerValue == 1)
            let changed = try await client.patch(path, ["spec": ["template": ["spec": ["containers": [["name": "main", "image": "nginx:2"]]]]]])
            #expect(changed.metadata("generation")?.integerValue == 2)
            #expect(changed["status"]?["readyReplicas"] == 1)
        }
    }

    // MARK: scale subresource

    @Test func scaleSubresourceReadsAndWritesDeploymentReplicas() async throws {
        try await EmulatorTestClient.with { client in
            _ = try await client.post(Fixtures.deployments(), Fixtures.newDeployment("web", replicas: 2))
            let path = "\(Fixtures.deployment("web"))/scale"
            let scale = try await client.get(path)
            #expect(scale.status == 200)
            #expect(scale["kind"] == "Scale")
            #expect(scale["apiVersion"] == "autoscaling/v1")
            #expect(scale["spec"]?["replicas"] == 2)
            #expect(scale["status"]?["selector"] == "app=web")

            var desired = scale.body
            desired["spec"] = ["replicas": 5]
            let put = try await client.put(path, desired)
            #expect(put.status == 200)
            #expect(put["kind"] == "Scale")
            #expect(put["spec"]?["replicas"] == 5)
            #expect(try await client.get(Fixtures.deployment("web"))["spec"]?["replicas"] == 5)

            let patched = try await client.patch(path, ["spec": ["replicas": 1]])
            #expect(patched["spec"]?["replicas"] == 1)
            let stored = try await client.get(Fixtures.deployment("web"))
            #expect(stored["spec"]?["replicas"] == 1)
            #expect(stored["spec"]?["template"]?["spec"]?["containers"]?[0]?["image"] == "nginx:1")

            let stale = try await client.put(path, desired)
            #expect(stale.status == 409)
            #expect(try await client.get("\(Fixtures.configMaps())/x/scale").status == 404)
        }
    }

    // MARK: finalizers

    @Test func finalizersHoldADeletedObjectUntilRemoved() async throws {
        try await EmulatorTestClient.with { client in
            let created = try await client.post(
                Fixtures.configMaps(), Fixtures.newConfigMap("held", extraMetadata: ["finalizers": ["example.com/hold"]]))
            var watch = try await client.watch("\(Fixtures.configMaps())?watch=true&resourceVersion=\(created.resourceVersion ?? "")")

            let deleted = try await client.delete(Fixtures.configMap("held"))
            #expect(deleted.status == 200 || deleted.status == 202)
            let held = try await client.get(Fixtures.configMap("held"))
            #expect(held.status == 200)
            #expect(held.metadata("deletionTimestamp")?.stringValue?.isEmpty == false)
            #expect(held.metadata("finalizers") == ["example.com/hold"])

            // Deleting again keeps the first deletionTimestamp.
            _ = try await client.delete(Fixtures.configMap("held"))
            #expect(try await client.get(Fixtures.configMap("held")).metadata("deletionTimestamp") == held.metadata("deletionTimestamp"))

            // Other changes are still allowed, new finalizers are not.
            #expect(try await client.patch(Fixtures.configMap("held"), ["data": ["still": "writable"]]).status == 200)
            let added = try await client.patch(
                Fixtures.configMap("held"), ["metadata": ["finalizers": ["example.com/hold", "example.com/more"]]])
            #expect(added.status == 422)
            #expect(added.reason == "Invalid")
            #expect(added["details"]?["causes"]?[0]?["field"] == "metadata.finalizers")

            let released = try await client.patch(Fixtures.configMap("held"), ["metadata": ["finalizers": nil]])
            #expect(released.status == 200)
            #expect(try await client.get(Fixtures.configMap("held")).status == 404)

            var types: [String] = []
            while types.last != "DELETED", let event = try await watch.nextChange() {
                types.append(event["type"]?.stringValue ?? "")
                if event["type"] == "DELETED" { #expect(event["object"]?["metadata"]?["name"] == "held") }
            }
            #expect(types.first == "MODIFIED")
            #expect(types.last == "DELETED")
        }
    }

    // MARK: garbage collection and propagation

    private func ownerReference(_ owner: EmulatorResponse) -> JSONValue {
        [
            "apiVersion": "v1", "kind": "ConfigMap", "name": owner.metadata("name") ?? "",
            "uid": owner.metadata("uid") ?? "", "controller": true, "blockOwnerDeletion": true,
        ]
    }

    private func ownerAndDependent(
        _ client: EmulatorTestClient, dependentFinalizers: [JSONValue] = []
    ) async throws -> (owner: EmulatorResponse, dependent: EmulatorResponse) {
        let owner = try await client.post(Fixtures.configMaps(), Fixtures.newConfigMap("owner"))
        var metadata: [String: JSONValue] = ["ownerReferences": [ownerReference(owner)]]
        if !dependentFinalizers.isEmpty { metadata["finalizers"] = .array(dependentFinalizers) }
        let dependent = try await client.post(Fixtures.configMaps(), Fixtures.newConfigMap("dependent", extraMetadata: metadata))
        #expect(dependent.status == 201)
        return (owner, dependent)
    }

    @Test func backgroundDeletionCollectsDependents() async throws {
        try await EmulatorTestClient.with { client in
            _ = try await ownerAndDependent(client)
            // A dependent in another kind goes too.
            let owner = try await client.get(Fixtures.configMap("owner"))
            var deployment = Fixtures.newDeployment("child")
            deployment["metadata"]?["ownerReferences"] = [ownerReference(owner)]
            #expect(try await client.post(Fixtures.deployments(), deployment).status == 201)

            let deleted = try await client.delete(Fixtures.configMap("owner"), ["propagationPolicy": "Background"])
            #expect(deleted.status == 200)
            #expect(try await client.get(Fixtures.configMap("owner")).status == 404)
            try await eventually { try await client.get(Fixtures.configMap("dependent")).status == 404 }
            try await eventually { try await client.get(Fixtures.deployment("child")).status == 404 }
        }
    }

    @Test func dependentWithAnotherLiveOwnerSurvives() async throws {
        try await EmulatorTestClient.with { client in
            let (owner, _) = try await ownerAndDependent(client)
            let second = try await client.post(Fixtures.configMaps(), Fixtures.newConfigMap("second"))
            var secondReference = ownerReference(second)
            secondReference["controller"] = false
            let patched = try await client.patch(Fixtures.configMap("dependent"), [
                "metadata": ["ownerReferences": [ownerReference(owner), secondReference]],
            ])
            #expect(patched.status == 200)
            _ = try await client.delete(Fixtures.configMap("owner"))
            #expect(try await client.get(Fixtures.configMap("owner")).status == 404)
            #expect(try await client.get(Fixtures.configMap("dependent")).status == 200)
        }
    }

    @Test func foregroundDeletionWaitsForDependents() async throws {
        try await EmulatorTestClient.with { client in
            _ = try await ownerAndDependent(client, dependentFinalizers: ["example.com/hold"])
            let deleted = try await client.delete(Fixtures.configMap("owner"), ["propagationPolicy": "Foreground"])
            #expect(deleted.status == 200 || deleted.status == 202)

            let owner = try await client.get(Fixtures.configMap("owner"))
            #expect(owner.status == 200)
            #expect(owner.metadata("deletionTimestamp") != nil)
            #expect(owner.metadata("finalizers")?.arrayValue?.contains("foregroundDeletion") == true)
            let dependent = try await client.get(Fixtures.configMap("dependent"))
            #expect(dependent.metadata("deletionTimestamp") != nil)

            _ = try await client.patch(Fixtures.configMap("dependent"), ["metadata": ["finalizers": nil]])
            try await eventually { try await client.get(Fixtures.configMap("dependent")).status == 404 }
            try await eventually { try await client.get(Fixtures.configMap("owner")).status == 404 }
        }
    }

    @Test func orphanDeletionKeepsDependentsAndDropsTheirOwnerReference() async throws {
        try await EmulatorTestClient.with { client in
            _ = try await ownerAndDependent(client)
            let deleted = try await client.delete(Fixtures.configMap("owner"), ["propagationPolicy": "Orphan"])
            #expect(deleted.status == 200 || deleted.status == 202)
            try await eventually { try await client.get(Fixtures.configMap("owner")).status == 404 }
            let dependent = try await client.get(Fixtures.configMap("dependent"))
            #expect(dependent.status == 200)
            #expect(dependent.metadata("ownerReferences") == nil)
        }
    }

    @Test func propagationPolicyMayComeFromTheQuery() async throws {
        try await EmulatorTestClient.with { client in
            _ = try await ownerAndDependent(client)
            _ = try await client.delete("\(Fixtures.configMap("owner"))?propagationPolicy=Orphan")
            try await eventually { try await client.get(Fixtures.configMap("owner")).status == 404 }
            #expect(try await client.get(Fixtures.configMap("dependent")).status == 200)
        }
    }

    @Test func unknownPropagationPolicyIsRejected() async throws {
        try await EmulatorTestClient.with { client in
            _ = try await client.post(Fixtures.configMaps(), Fixtures.newConfigMap("one"))
            let response = try await client.delete(Fixtures.configMap("one"), ["propagationPolicy": "Sometimes"])
            #expect(response.status == 400 || response.status == 422)
            #expect(try await client.get(Fixtures.configMap("one")).status == 200)
        }
    }

    @Test func garbageCollectionCanBeSwitchedOff() async throws {
        try await EmulatorTestClient.with(.init(garbageCollection: false)) { client in
            _ = try await ownerAndDependent(client)
            _ = try await client.delete(Fixtures.configMap("owner"))
            #expect(try await client.get(Fixtures.configMap("owner")).status == 404)
            #expect(try await client.get(Fixtures.configMap("dependent")).status == 200)
        }
    }

    // MARK: deletecollection, namespaces, preconditions

    @Test func deleteCollectionRemovesOnlyMatchingObjects() async throws {
        try await EmulatorTestClient.with { client in
            for (name, tier) in [("a", "web"), ("b", "web"), ("c", "db")] {
                _ = try await client.post(Fixtures.configMaps(), Fixtures.newConfigMap(name, labels: ["tier": .string(tier)]))
            }
            _ = try await client.post(Fixtures.namespaces, Fixtures.newNamespace("other"))
            _ = try await client.post(Fixtures.configMaps("other"), Fixtures.newConfigMap("d", labels: ["tier": "web"]))

            let response = try await client.delete("\(Fixtures.configMaps())?labelSelector=tier%3Dweb")
            #expect(response.status == 200)
            let remaining = try await client.get(Fixtures.configMaps()).items.compactMap { $0["metadata"]?["name"]?.stringValue }
            #expect(remaining == ["c"])
            #expect(try await client.get(Fixtures.configMap("d", namespace: "other")).status == 200)
        }
    }

    @Test func deleteCollectionHonoursPropagationPolicyInDeleteOptions() async throws {
        try await EmulatorTestClient.with { client in
            _ = try await ownerAndDependent(client)
            _ = try await client.patch(Fixtures.configMap("owner"), ["metadata": ["labels": ["role": "owner"]]])
            let response = try await client.delete(
                "\(Fixtures.configMaps())?labelSelector=role%3Downer", ["propagationPolicy": "Orphan"])
            #expect(response.status == 200)
            try await eventually { try await client.get(Fixtures.configMap("owner")).status == 404 }
            #expect(try await client.get(Fixtures.configMap("dependent")).status == 200)
        }
    }

    @Test func deletingANamespaceEmptiesItThenRemovesIt() async throws {
        try await EmulatorTestClient.with { client in
            _ = try await client.post(Fixtures.namespaces, Fixtures.newNamespace("doomed"))
            _ = try await client.post(Fixtures.configMaps("doomed"), Fixtures.newConfigMap("plain"))
            _ = try await client.post(
                Fixtures.configMaps("doomed"), Fixtures.newConfigMap("held", extraMetadata: ["finalizers": ["example.com/hold"]]))
            _ = try await client.post(Fixtures.deployments("doomed"), Fixtures.newDeployment("web"))
            _ = try await client.post(Fixtures.configMaps(), Fixtures.newConfigMap("bystander"))

            let deleted = try await client.delete("\(Fixtures.namespaces)/doomed")
            #expect(deleted.status == 200 || deleted.status == 202)
            try await eventually { try await client.get(Fixtures.configMap("plain", namespace: "doomed")).status == 404 }
            #expect(try await client.get(Fixtures.deployment("web", namespace: "doomed")).status == 404)
            let namespace = try await client.get("\(Fixtures.namespaces)/doomed")
            #expect(namespace["status"]?["phase"] == "Terminating")
            #expect(namespace.metadata("deletionTimestamp") != nil)

            let refused = try await client.post(Fixtures.configMaps("doomed"), Fixtures.newConfigMap("late"))
            #expect(refused.status == 403)
            #expect(refused.reason == "Forbidden")

            _ = try await client.patch(Fixtures.configMap("held", namespace: "doomed"), ["metadata": ["finalizers": nil]])
            try await eventually { try await client.get("\(Fixtures.namespaces)/doomed").status == 404 }
            #expect(try await client.get(Fixtures.configMap("bystander")).status == 200)
        }
    }

    @Test func namespaceDeletionWorksWithGarbageCollectionOff() async throws {
        try await EmulatorTestClient.with(.init(garbageCollection: false)) { client in
            _ = try await client.post(Fixtures.namespaces, Fixtures.newNamespace("doomed"))
            _ = try await client.post(Fixtures.configMaps("doomed"), Fixtures.newConfigMap("plain"))
            _ = try await client.delete("\(Fixtures.namespaces)/doomed")
            try await eventually { try await client.get("\(Fixtures.namespaces)/doomed").status == 404 }
            #expect(try await client.get(Fixtures.configMap("plain", namespace: "doomed")).status == 404)
        }
    }

    @Test func deletePreconditionsOnUIDAndResourceVersion() async throws {
        try await EmulatorTestClient.with { client in
            let created = try await client.post(Fixtures.configMaps(), Fixtures.newConfigMap("one"))
            let wrongUID = try await client.delete(Fixtures.configMap("one"), ["preconditions": ["uid": "not-the-uid"]])
            #expect(wrongUID.status == 409)
            #expect(wrongUID.reason == "Conflict")
            let staleVersion = try await client.delete(Fixtures.configMap("one"), ["preconditions": ["resourceVersion": "1"]])
            #expect(staleVersion.status == 409)
            #expect(try await client.get(Fixtures.configMap("one")).status == 200)

            let matching = try await client.delete(Fixtures.configMap("one"), [
                "kind": "DeleteOptions", "apiVersion": "v1",
                "preconditions": ["uid": created.metadata("uid") ?? "", "resourceVersion": created.metadata("resourceVersion") ?? ""],
            ])
            #expect(matching.status == 200)
            #expect(try await client.get(Fixtures.configMap("one")).status == 404)
        }
    }

    @Test func immediateDeletionOfABuiltinAnswersASuccessStatus() async throws {
        try await EmulatorTestClient.with { client in
            let created = try await client.post(Fixtures.configMaps(), Fixtures.newConfigMap("one"))
            let deleted = try await client.delete(Fixtures.configMap("one"))
            #expect(deleted.status == 200)
            #expect(deleted["kind"] == "Status")
            #expect(deleted["status"] == "Success")
            #expect(deleted["details"]?["name"] == "one")
            #expect(deleted["details"]?["kind"] == "configmaps")
            #expect(deleted["details"]?["uid"] == created.metadata("uid"))
        }
    }

    @Test func deletionOfACustomResourceAnswersTheObject() async throws {
        try await EmulatorTestClient.with { client in
            try await client.installWidgetCRD()
            _ = try await client.post(Fixtures.widgets(), Fixtures.newWidget("w"))
            let deleted = try await client.delete("\(Fixtures.widgets())/w")
            #expect(deleted.status == 200)
            #expect(deleted["kind"] == "Widget")
            #expect(deleted.metadata("name") == "w")
            #expect(try await client.get("\(Fixtures.widgets())/w").status == 404)
        }
    }

    @Test func systemNamespacesCannotBeDeleted() async throws {
        try await EmulatorTestClient.with { client in
            for name in ["default", "kube-system", "kube-public"] {
                let response = try await client.delete("\(Fixtures.namespaces)/\(name)")
                #expect(response.status == 403, "\(name)")
                #expect(response.reason == "Forbidden", "\(name)")
                let namespace = try await client.get("\(Fixtures.namespaces)/\(name)")
                #expect(namespace.metadata("deletionTimestamp") == nil, "\(name)")
            }
        }
    }

    @Test func deletedObjectCanBeRecreatedWithANewUID() async throws {
        try await EmulatorTestClient.with { client in
            let first = try await client.post(Fixtures.configMaps(), Fixtures.newConfigMap("one"))
            _ = try await client.delete(Fixtures.configMap("one"))
            let second = try await client.post(Fixtures.configMaps(), Fixtures.newConfigMap("one"))
            #expect(second.status == 201)
            #expect(second.metadata("uid") != first.metadata("uid"))
        }
    }
}
