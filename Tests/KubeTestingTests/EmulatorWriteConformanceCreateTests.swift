import EnsembleSupport
import Foundation
import HTTP
import Testing
@testable import KubeTesting

/// Create, from kubernetes.io "API Concepts" and the API conventions (metadata, errors), and the CRD validation and
/// pruning documentation.
@Suite struct EmulatorWriteConformanceCreateTests {
    @Test func createAnswers201WithServerSetMetadata() async throws {
        try await EmulatorTestClient.with { client in
            var body = Fixtures.newConfigMap("one")
            body["metadata"]?["uid"] = "client-chosen"
            let created = try await client.post(Fixtures.configMaps(), body)
            #expect(created.status == 201)
            let uid = try #require(created.metadata("uid")?.stringValue)
            #expect(uid != "client-chosen" && !uid.isEmpty)
            let timestamp = try #require(created.metadata("creationTimestamp")?.stringValue)
            #expect(ISO8601DateFormatter().date(from: timestamp) != nil)
            #expect(created.resourceVersion?.isEmpty == false)
            #expect(created["data"]?["key"] == "value")

            let fetched = try await client.get(Fixtures.configMap("one"))
            #expect(fetched.status == 200)
            #expect(fetched.metadata("uid")?.stringValue == uid)
            #expect(fetched.resourceVersion == created.resourceVersion)
        }
    }

    @Test func resourceVersionsFollowOneIncreasingSequenceAcrossResources() async throws {
        try await EmulatorTestClient.with { client in
            var versions: [Int] = []
            for response in [
                try await client.post(Fixtures.configMaps(), Fixtures.newConfigMap("a")),
                try await client.post(Fixtures.deployments(), Fixtures.newDeployment("b")),
                try await client.post("/api/v1/namespaces/default/secrets", [
                    "apiVersion": "v1", "kind": "Secret", "metadata": ["name": "c"], "stringData": ["k": "v"],
                ]),
                try await client.patch(Fixtures.configMap("a"), ["data": ["key": "changed"]]),
                try await client.post(Fixtures.namespaces, Fixtures.newNamespace("d")),
            ] {
                #expect(response.status < 300, "\(response.body)")
                versions.append(try #require(response.resourceVersion.flatMap { Int($0) }))
            }
            #expect(versions == versions.sorted() && Set(versions).count == versions.count, "\(versions)")
            let list = try await client.get(Fixtures.configMaps())
            #expect(Int(list["metadata"]?["resourceVersion"]?.stringValue ?? "") ?? 0 >= versions.last!)
        }
    }

    @Test func namespaceIsDefaultedFromTheURL() async throws {
        try await EmulatorTestClient.with { client in
            #expect(try await client.post(Fixtures.namespaces, Fixtures.newNamespace("team-a")).status == 201)
            let created = try await client.post(Fixtures.configMaps("team-a"), Fixtures.newConfigMap("one"))
            #expect(created.status == 201)
            #expect(created.metadata("namespace") == "team-a")
            #expect(try await client.get(Fixtures.configMap("one", namespace: "team-a")).status == 200)
            #expect(try await client.get(Fixtures.configMap("one")).status == 404)
        }
    }

    @Test func namespaceMismatchBetweenBodyAndURLIsABadRequest() async throws {
        try await EmulatorTestClient.with { client in
            let body = Fixtures.newConfigMap("one", extraMetadata: ["namespace": "kube-system"])
            let response = try await client.post(Fixtures.configMaps(), body)
            #expect(response.status == 400)
            #expect(response.reason == "BadRequest")
            #expect(try await client.get(Fixtures.configMap("one", namespace: "kube-system")).status == 404)
            #expect(try await client.get(Fixtures.configMap("one")).status == 404)
        }
    }

    @Test func generateNameGivesEachObjectAUniqueNameWithThePrefix() async throws {
        try await EmulatorTestClient.with { client in
            let body: JSONValue = ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["generateName": "job-"]]
            var names: Set<String> = []
            for _ in 0..<3 {
                let created = try await client.post(Fixtures.configMaps(), body)
                #expect(created.status == 201)
                let name = try #require(created.metadata("name")?.stringValue)
                #expect(name.hasPrefix("job-") && name.count > "job-".count)
                #expect(created.metadata("generateName") == "job-")
                names.insert(name)
            }
            #expect(names.count == 3)
            #expect(try await client.get(Fixtures.configMaps()).items.count == 3)
        }
    }

    @Test func creatingAnExistingNameIsAlreadyExists() async throws {
        try await EmulatorTestClient.with { client in
            let first = try await client.post(Fixtures.configMaps(), Fixtures.newConfigMap("one", data: ["v": "1"]))
            let second = try await client.post(Fixtures.configMaps(), Fixtures.newConfigMap("one", data: ["v": "2"]))
            #expect(second.status == 409)
            #expect(second.reason == "AlreadyExists")
            #expect(second["details"]?["name"] == "one")
            #expect(second["details"]?["kind"] == "configmaps")
            let stored = try await client.get(Fixtures.configMap("one"))
            #expect(stored["data"]?["v"] == "1")
            #expect(stored.resourceVersion == first.resourceVersion)
        }
    }

    @Test func missingObjectsAndNamespacesAreNotFound() async throws {
        try await EmulatorTestClient.with { client in
            let missing = try await client.get(Fixtures.configMap("nope"))
            #expect(missing.status == 404)
            #expect(missing.reason == "NotFound")
            #expect(missing["details"]?["name"] == "nope")
            #expect(missing["details"]?["kind"] == "configmaps")

            let inMissingNamespace = try await client.post(Fixtures.configMaps("ghost"), Fixtures.newConfigMap("one"))
            #expect(inMissingNamespace.status == 404)
            #expect(inMissingNamespace.reason == "NotFound")
            #expect(inMissingNamespace["details"]?["kind"] == "namespaces")
            #expect(inMissingNamespace["details"]?["name"] == "ghost")

            #expect(try await client.put(Fixtures.configMap("nope"), Fixtures.newConfigMap("nope")).status == 404)
            #expect(try await client.patch(Fixtures.configMap("nope"), ["data": ["a": "b"]]).status == 404)
            #expect(try await client.delete(Fixtures.configMap("nope")).status == 404)
        }
    }

    @Test(arguments: [
        #"{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x"}"#,
        "not json at all",
        #"["a list"]"#,
        #"{"apiVersion": "v1", "kind": "ConfigMap", "metadata": "a string"}"#,
        #"{"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "x"}}"#,
    ])
    func malformedBodiesAreBadRequests(body: String) async throws {
        try await EmulatorTestClient.with { client in
            let response = try await client.send(
                .post, Fixtures.configMaps(), body: Data(body.utf8), contentType: "application/json")
            #expect(response.status == 400)
            #expect(response["kind"] == "Status")
            #expect(response.reason == "BadRequest")
            #expect(try await client.get(Fixtures.configMaps()).items.isEmpty)
        }
    }

    @Test func errorsAreStatusObjectsWithReasonCodeAndDetails() async throws {
        try await EmulatorTestClient.with { client in
            _ = try await client.post(Fixtures.configMaps(), Fixtures.newConfigMap("one"))
            let error = try await client.post(Fixtures.configMaps(), Fixtures.newConfigMap("one"))
            #expect(error["kind"] == "Status")
            #expect(error["apiVersion"] == "v1")
            #expect(error["status"] == "Failure")
            #expect(error["code"]?.integerValue == Int64(error.status))
            #expect(error["message"]?.stringValue?.contains("\"one\" already exists") == true)
            #expect(error["details"]?["name"] == "one")
            #expect(error.headers["Content-Type"]?.hasPrefix("application/json") == true)
        }
    }

    struct MetadataViolation: Sendable, CustomTestStringConvertible {
        let metadata: [String: JSONValue]
        let field: String
        var testDescription: String { field }
    }

    @Test(arguments: [
        MetadataViolation(metadata: ["labels": ["bad key!": "v"]], field: "metadata.labels"),
        MetadataViolation(metadata: ["labels": ["app": "has space"]], field: "metadata.labels"),
        MetadataViolation(metadata: ["labels": ["app": .string(String(repeating: "x", count: 64))]], field: "metadata.labels"),
        MetadataViolation(metadata: ["annotations": ["/no-name": "v"]], field: "metadata.annotations"),
        MetadataViolation(metadata: ["finalizers": ["Not Valid"]], field: "metadata.finalizers[0]"),
        MetadataViolation(
            metadata: ["ownerReferences": [["apiVersion": "v1", "kind": "ConfigMap", "name": "x"]]],
            field: "metadata.ownerReferences[0].uid"),
        MetadataViolation(
            metadata: ["ownerReferences": [
                ["apiVersion": "v1", "kind": "ConfigMap", "name": "x", "uid": "1", "controller": true],
                ["apiVersion": "v1", "kind": "ConfigMap", "name": "y", "uid": "2", "controller": true],
            ]],
            field: "metadata.ownerReferences"),
    ])
    func invalidMetadataIsRejected(_ violation: MetadataViolation) async throws {
        try await EmulatorTestClient.with { client in
            let response = try await client.post(
                Fixtures.configMaps(), Fixtures.newConfigMap("bad", extraMetadata: violation.metadata))
            #expect(response.status == 422)
            #expect(response.reason == "Invalid")
            let fields = response["details"]?["causes"]?.arrayValue?.compactMap { $0["field"]?.stringValue } ?? []
            #expect(fields.contains(violation.field), "\(fields)")
            #expect(try await client.get(Fixtures.configMap("bad")).status == 404)

            _ = try await client.post(Fixtures.configMaps(), Fixtures.newConfigMap("good"))
            let patched = try await client.patch(Fixtures.configMap("good"), ["metadata": .object(violation.metadata)])
            #expect(patched.status == 422)
        }
    }

    @Test func validQualifiedMetadataIsAccepted() async throws {
        try await EmulatorTestClient.with { client in
            let response = try await client.post(Fixtures.configMaps(), Fixtures.newConfigMap("good", extraMetadata: [
                "labels": ["app.kubernetes.io/name": "ensemble", "empty": ""],
                "annotations": ["example.com/Note_1": "any value at all"],
                "finalizers": ["example.com/cleanup"],
            ]))
            #expect(response.status == 201, "\(response.body)")
        }
    }

    @Test func immutableConfigMapRefusesDataChanges() async throws {
        try await EmulatorTestClient.with { client in
            var body = Fixtures.newConfigMap("frozen", data: ["a": "1"])
            body["immutable"] = true
            _ = try await client.post(Fixtures.configMaps(), body)
            let changed = try await client.patch(Fixtures.configMap("frozen"), ["data": ["a": "2"]])
            #expect(changed.status == 422)
            #expect(changed["details"]?["causes"]?[0]?["field"] == "data")
            let thawed = try await client.patch(Fixtures.configMap("frozen"), ["immutable": false])
            #expect(thawed.status == 422)
            #expect(try await client.patch(Fixtures.configMap("frozen"), ["metadata": ["labels": ["ok": "yes"]]]).status == 200)
            #expect(try await client.get(Fixtures.configMap("frozen"))["data"]?["a"] == "1")
        }
    }

    @Test func dryRunCreatePersistsNothing() async throws {
        try await EmulatorTestClient.with { client in
            let before = try await client.get(Fixtures.configMaps())["metadata"]?["resourceVersion"]
            let response = try await client.post("\(Fixtures.configMaps())?dryRun=All", Fixtures.newConfigMap("dry"))
            #expect(response.status == 201)
            #expect(response.metadata("name") == "dry")
            #expect(try await client.get(Fixtures.configMap("dry")).status == 404)
            #expect(try await client.get(Fixtures.configMaps())["metadata"]?["resourceVersion"] == before)
        }
    }

    @Test func dryRunUpdatePatchAndDeletePersistNothing() async throws {
        try await EmulatorTestClient.with { client in
            let created = try await client.post(Fixtures.configMaps(), Fixtures.newConfigMap("one", data: ["v": "1"]))
            var changed = created.body
            changed["data"] = ["v": "2"]
            let put = try await client.put("\(Fixtures.configMap("one"))?dryRun=All", changed)
            #expect(put.status == 200)
            #expect(put["data"]?["v"] == "2")
            let patched = try await client.patch("\(Fixtures.configMap("one"))?dryRun=All", ["data": ["v": "3"]])
            #expect(patched["data"]?["v"] == "3")
            #expect(try await client.delete("\(Fixtures.configMap("one"))?dryRun=All").status == 200)
            let stored = try await client.get(Fixtures.configMap("one"))
            #expect(stored["data"]?["v"] == "1")
            #expect(stored.resourceVersion == created.resourceVersion)
        }
    }

    // MARK: custom resources: schema validation and pruning

    struct SchemaViolation: Sendable, CustomTestStringConvertible {
        let spec: JSONValue
        let field: String
        let reason: String
        var testDescription: String { "\(field) \(reason)" }
    }

    @Test(arguments: [
        SchemaViolation(spec: ["size": "three"], field: "spec.size", reason: "FieldValueTypeInvalid"),
        SchemaViolation(spec: ["color": "red"], field: "spec.size", reason: "FieldValueRequired"),
        SchemaViolation(spec: ["size": 2, "color": "purple"], field: "spec.color", reason: "FieldValueNotSupported"),
        SchemaViolation(spec: ["size": 0], field: "spec.size", reason: "FieldValueInvalid"),
        SchemaViolation(spec: ["size": 11], field: "spec.size", reason: "FieldValueInvalid"),
        SchemaViolation(spec: ["size": 2, "name": "ABC"], field: "spec.name", reason: "FieldValueInvalid"),
        SchemaViolation(spec: ["size": 2, "name": "abcdefghij"], field: "spec.name", reason: "FieldValueTooLong"),
        SchemaViolation(spec: ["size": 2, "tags": ["a", "b", "c"]], field: "spec.tags", reason: "FieldValueTooMany"),
        SchemaViolation(spec: ["size": 2, "enabled": "yes"], field: "spec.enabled", reason: "FieldValueTypeInvalid"),
    ])
    func objectsBreakingTheCRDSchemaAreInvalidWithFieldCauses(_ violation: SchemaViolation) async throws {
        try await EmulatorTestClient.with { client in
            try await client.installWidgetCRD()
            let response = try await client.post(Fixtures.widgets(), Fixtures.newWidget("bad", spec: violation.spec))
            #expect(response.status == 422)
            #expect(response.reason == "Invalid")
            #expect(response["details"]?["kind"] == "Widget")
            #expect(response["details"]?["name"] == "bad")
            let causes = response["details"]?["causes"]?.arrayValue ?? []
            #expect(causes.contains { $0["field"]?.stringValue == violation.field && $0["reason"]?.stringValue == violation.reason },
                "\(causes)")
            #expect(try await client.get("\(Fixtures.widgets())/bad").status == 404)
        }
    }

    @Test func schemaViolationsOnUpdateAreInvalidAndChangeNothing() async throws {
        try await EmulatorTestClient.with { client in
            try await client.installWidgetCRD()
            let created = try await client.post(Fixtures.widgets(), Fixtures.newWidget("w"))
            let patched = try await client.patch("\(Fixtures.widgets())/w", ["spec": ["size": 99]])
            #expect(patched.status == 422)
            #expect(patched["details"]?["causes"]?[0]?["field"] == "spec.size")
            #expect(try await client.get("\(Fixtures.widgets())/w").resourceVersion == created.resourceVersion)
        }
    }

    @Test func unknownFieldsArePrunedWithAWarning() async throws {
        try await EmulatorTestClient.with { client in
            try await client.installWidgetCRD()
            var body = Fixtures.newWidget("w", spec: ["size": 2, "bogus": "x", "color": "red"])
            body["extra"] = ["nested": true]
            let created = try await client.post(Fixtures.widgets(), body)
            #expect(created.status == 201)
            #expect(created["spec"]?["bogus"] == nil)
            #expect(created["extra"] == nil)
            #expect(created["spec"]?["color"] == "red")
            let warnings = created.headers.values(for: "Warning").joined(separator: "\n")
            #expect(warnings.contains("unknown field \\\"spec.bogus\\\"") || warnings.contains("unknown field \"spec.bogus\""), "\(warnings)")
            let stored = try await client.get("\(Fixtures.widgets())/w")
            #expect(stored["spec"]?["bogus"] == nil)
            #expect(stored["extra"] == nil)

            let strict = try await client.post(
                "\(Fixtures.widgets())?fieldValidation=Strict", Fixtures.newWidget("s", spec: ["size": 2, "bogus": "x"]))
            #expect(strict.status == 400)
            #expect(try await client.get("\(Fixtures.widgets())/s").status == 404)
        }
    }

    @Test func customResourcesStartAtGeneration1() async throws {
        try await EmulatorTestClient.with { client in
            try await client.installWidgetCRD()
            let created = try await client.post(Fixtures.widgets(), Fixtures.newWidget("w"))
            #expect(created.metadata("generation")?.integerValue == 1)
            let deployment = try await client.post(Fixtures.deployments(), Fixtures.newDeployment("d"))
            #expect(deployment.metadata("generation")?.integerValue == 1)
        }
    }
}
