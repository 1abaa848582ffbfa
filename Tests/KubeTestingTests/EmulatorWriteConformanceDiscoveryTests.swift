import EnsembleSupport
import Foundation
import Testing
@testable import KubeTesting

/// Discovery and CustomResourceDefinitions, from kubernetes.io "API Concepts" (discovery) and "Extend the Kubernetes
/// API with CustomResourceDefinitions".
@Suite struct EmulatorWriteConformanceDiscoveryTests {
    private func entry(_ list: EmulatorResponse, _ name: String) -> JSONValue? {
        list["resources"]?.arrayValue?.first { $0["name"]?.stringValue == name }
    }

    private func strings(_ value: JSONValue?) -> [String] { value?.arrayValue?.compactMap(\.stringValue) ?? [] }

    @Test func versionReportsMajorMinorAndGitVersion() async throws {
        try await EmulatorTestClient.with { client in
            let version = try await client.get("/version")
            #expect(version.status == 200)
            #expect(version["major"]?.stringValue == "1")
            #expect(version["minor"]?.stringValue?.isEmpty == false)
            #expect(version["gitVersion"]?.stringValue?.hasPrefix("v1.") == true)
        }
    }

    @Test func coreGroupListsV1() async throws {
        try await EmulatorTestClient.with { client in
            let api = try await client.get("/api")
            #expect(api.status == 200)
            #expect(api["kind"] == "APIVersions")
            #expect(strings(api["versions"]) == ["v1"])
        }
    }

    @Test func coreResourceListDescribesNamesKindsVerbsScopeShortNamesAndSubresources() async throws {
        try await EmulatorTestClient.with { client in
            let list = try await client.get("/api/v1")
            #expect(list.status == 200)
            #expect(list["kind"] == "APIResourceList")
            #expect(list["groupVersion"] == "v1")
            let configMaps = try #require(entry(list, "configmaps"))
            #expect(configMaps["kind"] == "ConfigMap")
            #expect(configMaps["namespaced"] == true)
            #expect(configMaps["singularName"] == "configmap")
            #expect(strings(configMaps["shortNames"]) == ["cm"])
            #expect(Set(strings(configMaps["verbs"])) == [
                "create", "delete", "deletecollection", "get", "list", "patch", "update", "watch",
            ])
            let namespaces = try #require(entry(list, "namespaces"))
            #expect(namespaces["namespaced"] == false)
            #expect(strings(namespaces["shortNames"]) == ["ns"])
            #expect(entry(list, "namespaces/status") != nil)
            #expect(entry(list, "services/status") != nil)
            #expect(entry(list, "configmaps/status") == nil)
            for name in ["secrets", "serviceaccounts", "services", "events"] { #expect(entry(list, name) != nil, "\(name)") }
        }
    }

    @Test func groupListOffersEveryBuiltinGroupWithAPreferredVersion() async throws {
        try await EmulatorTestClient.with { client in
            let apis = try await client.get("/apis")
            #expect(apis.status == 200)
            #expect(apis["kind"] == "APIGroupList")
            let groups = apis["groups"]?.arrayValue ?? []
            let byName = Dictionary(groups.compactMap { g in g["name"]?.stringValue.map { ($0, g) } }) { a, _ in a }
            for (group, version) in [
                ("apps", "v1"), ("autoscaling", "v2"), ("policy", "v1"), ("coordination.k8s.io", "v1"),
                ("apiextensions.k8s.io", "v1"), ("events.k8s.io", "v1"),
            ] {
                #expect(byName[group]?["preferredVersion"]?["groupVersion"]?.stringValue == "\(group)/\(version)", "\(group)")
            }
            #expect(byName[""] == nil)
        }
    }

    @Test func groupAndGroupVersionDocumentsDescribeDeploymentsWithStatusAndScale() async throws {
        try await EmulatorTestClient.with { client in
            let group = try await client.get("/apis/apps")
            #expect(group.status == 200)
            #expect(group["kind"] == "APIGroup")
            #expect(group["name"] == "apps")
            #expect(group["versions"]?[0]?["groupVersion"] == "apps/v1")

            let list = try await client.get("/apis/apps/v1")
            #expect(list["groupVersion"] == "apps/v1")
            let deployments = try #require(entry(list, "deployments"))
            #expect(deployments["kind"] == "Deployment")
            #expect(deployments["namespaced"] == true)
            #expect(strings(deployments["shortNames"]) == ["deploy"])
            let status = try #require(entry(list, "deployments/status"))
            #expect(Set(strings(status["verbs"])) == ["get", "patch", "update"])
            let scale = try #require(entry(list, "deployments/scale"))
            #expect(scale["kind"] == "Scale")
            #expect(scale["group"] == "autoscaling")
            #expect(scale["version"] == "v1")

            let hpa = try await client.get("/apis/autoscaling/v2")
            #expect(strings(entry(hpa, "horizontalpodautoscalers")?["shortNames"]) == ["hpa"])
            let crds = try await client.get("/apis/apiextensions.k8s.io/v1")
            #expect(entry(crds, "customresourcedefinitions")?["namespaced"] == false)
        }
    }

    @Test func unknownGroupsAndVersionsAreNotFoundStatuses() async throws {
        try await EmulatorTestClient.with { client in
            for path in ["/apis/nothing.example.com", "/apis/apps/v9", "/apis/nothing.example.com/v1/things"] {
                let response = try await client.get(path)
                #expect(response.status == 404, "\(path)")
                #expect(response["kind"] == "Status", "\(path)")
                #expect(response.reason == "NotFound", "\(path)")
            }
        }
    }

    @Test func createdCRDIsEstablishedAndServedWithDiscovery() async throws {
        try await EmulatorTestClient.with { client in
            #expect(try await client.get("/apis/test.ensemble.dev").status == 404)
            let created = try await client.installWidgetCRD()
            #expect(created.metadata("uid")?.stringValue?.isEmpty == false)

            let crd = try await client.get("\(Fixtures.crds)/widgets.test.ensemble.dev")
            let conditions = crd["status"]?["conditions"]?.arrayValue ?? []
            for type in ["Established", "NamesAccepted"] {
                let condition = conditions.first { $0["type"]?.stringValue == type }
                #expect(condition?["status"] == "True", "\(type)")
                #expect(condition?["lastTransitionTime"]?.stringValue?.isEmpty == false, "\(type)")
            }
            #expect(crd["status"]?["acceptedNames"]?["kind"] == "Widget")
            #expect(strings(crd["status"]?["storedVersions"]) == ["v1"])

            let apis = try await client.get("/apis")
            let group = apis["groups"]?.arrayValue?.first { $0["name"] == "test.ensemble.dev" }
            #expect(group?["preferredVersion"]?["groupVersion"] == "test.ensemble.dev/v1")
            #expect(try await client.get("/apis/test.ensemble.dev")["name"] == "test.ensemble.dev")

            let list = try await client.get("/apis/test.ensemble.dev/v1")
            let widgets = try #require(entry(list, "widgets"))
            #expect(widgets["kind"] == "Widget")
            #expect(widgets["singularName"] == "widget")
            #expect(widgets["namespaced"] == true)
            #expect(strings(widgets["shortNames"]) == ["wd"])
            #expect(strings(widgets["categories"]) == ["ensemble"])
            #expect(strings(widgets["verbs"]).contains("create"))
            #expect(entry(list, "widgets/status") != nil)
            #expect(entry(list, "widgets/scale") == nil)

            let widget = try await client.post(Fixtures.widgets(), Fixtures.newWidget("first"))
            #expect(widget.status == 201)
            #expect(widget["kind"] == "Widget")
        }
    }

    @Test func deletedCRDStopsBeingServedAndTakesItsObjects() async throws {
        try await EmulatorTestClient.with { client in
            try await client.installWidgetCRD()
            #expect(try await client.post(Fixtures.widgets(), Fixtures.newWidget("doomed")).status == 201)

            let deleted = try await client.delete("\(Fixtures.crds)/widgets.test.ensemble.dev")
            #expect(deleted.status == 200)
            try await eventually { try await client.get("\(Fixtures.crds)/widgets.test.ensemble.dev").status == 404 }
            #expect(try await client.get("\(Fixtures.widgets())/doomed").status == 404)
            #expect(try await client.get(Fixtures.widgets()).status == 404)
            #expect(try await client.get("/apis/test.ensemble.dev/v1").status == 404)
            let groups = try await client.get("/apis")["groups"]?.arrayValue ?? []
            #expect(!groups.contains { $0["name"] == "test.ensemble.dev" })

            // Recreated, it serves an empty collection: the old objects are gone for good.
            try await client.installWidgetCRD()
            #expect(try await client.get(Fixtures.widgets()).items.isEmpty)
        }
    }

    @Test func updatedCRDChangesDiscoveryAndValidation() async throws {
        try await EmulatorTestClient.with { client in
            try await client.installWidgetCRD()
            let path = "\(Fixtures.crds)/widgets.test.ensemble.dev"
            let patched = try await client.patch(path, [
                "spec": ["names": ["shortNames": ["wd", "wdg"]]],
            ])
            #expect(patched.status == 200, "\(patched.body)")
            try await eventually {
                let list = try await client.get("/apis/test.ensemble.dev/v1")
                return strings(entry(list, "widgets")?["shortNames"]) == ["wd", "wdg"]
            }
            let schemaPatch = try await client.patch(path, [
                ["op": "replace", "path": "/spec/versions/0/schema/openAPIV3Schema/properties/spec/properties/size/maximum", "value": 100],
            ], contentType: PatchType.json)
            #expect(schemaPatch.status == 200, "\(schemaPatch.body)")
            try await eventually {
                try await client.post(Fixtures.widgets(), Fixtures.newWidget("big", spec: ["size": 50])).status == 201
            }
        }
    }

    @Test func invalidCRDIsRejectedWithCauses() async throws {
        try await EmulatorTestClient.with { client in
            var crd = Fixtures.widgetCRD()
            crd["metadata"]?["name"] = "wrong.test.ensemble.dev"
            let response = try await client.post(Fixtures.crds, crd)
            #expect(response.status == 422)
            #expect(response.reason == "Invalid")
            let fields = response["details"]?["causes"]?.arrayValue?.compactMap { $0["field"]?.stringValue } ?? []
            #expect(fields.contains("metadata.name"))
            #expect(try await client.get("/apis/test.ensemble.dev/v1").status == 404)
        }
    }
}
