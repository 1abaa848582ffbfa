import EnsembleSupport
import Testing
@testable import KubeTesting

@Suite struct ServerSideApplyTests {
    let semantics = ListSemantics(
        listTypes: [
            "metadata.finalizers": .set,
            "spec.template.spec.containers": .map(keys: ["name"]),
            "spec.template.spec.containers[].ports": .map(keys: ["containerPort", "protocol"]),
            "spec.template.spec.containers[].env": .map(keys: ["name"]),
        ],
        atomicMaps: ["spec.selector"])

    static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: default
          labels: {app: web}
        spec:
          replicas: 2
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - name: web
                image: nginx:1.27
                ports:
                - containerPort: 80
                  protocol: TCP
        """

    static let replicasOnly = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: default}
        spec: {replicas: 5}
        """

    // MARK: ownership

    @Test func firstApplyCreatesTheObjectAndOwnsTheConfiguredFields() throws {
        let config = try YAML.parse(Self.deployment)
        let object = try apply(config, by: "kubectl", to: nil)

        #expect(ManagedFields().written(to: object) == config)
        let entry = try #require(try ManagedFields(of: object).entries.first)
        #expect(try ManagedFields(of: object).entries.count == 1)
        #expect(entry.manager == "kubectl")
        #expect(entry.operation == .apply)
        #expect(entry.apiVersion == "apps/v1")
        #expect(entry.time == "2024-05-01T10:00:00Z")
        #expect(entry.subresource == nil)
        #expect(
            entry.fields.fieldsV1
                == (try YAML.parse(
                    """
                    f:metadata:
                      f:labels:
                        f:app: {}
                    f:spec:
                      f:replicas: {}
                      f:selector: {}
                      f:template:
                        f:metadata:
                          f:labels:
                            f:app: {}
                        f:spec:
                          f:containers:
                            k:{"name":"web"}:
                              .: {}
                              f:image: {}
                              f:name: {}
                              f:ports:
                                k:{"containerPort":80,"protocol":"TCP"}:
                                  .: {}
                                  f:containerPort: {}
                                  f:protocol: {}
                    """)))
    }

    @Test func reapplyingWithoutAFieldRemovesItAndItsOwnership() throws {
        var object = try apply(try YAML.parse(Self.deployment), by: "kubectl", to: nil)
        var config = try YAML.parse(Self.deployment)
        config["spec"]?["replicas"] = JSONValue?.none
        config["metadata"]?["labels"] = JSONValue?.none
        object = try apply(config, by: "kubectl", to: object)

        #expect(object["spec"]?["replicas"] == nil)
        #expect(object["metadata"]?["labels"] == nil)
        #expect(object["spec"]?["template"]?["metadata"]?["labels"] == ["app": "web"])
        let owned = try fields(of: "kubectl", in: object)
        #expect(!owned.contains(Path(fields: "spec", "replicas")))
        #expect(!owned.contains(Path(fields: "metadata", "labels", "app")))
        #expect(owned.contains(Path(fields: "spec", "template", "metadata", "labels", "app")))
    }

    @Test func managersApplyingTheSameValueShareTheField() throws {
        var object = try apply(try YAML.parse(Self.deployment), by: "kubectl", to: nil)
        var shared = try YAML.parse(Self.replicasOnly)
        shared["spec"]?["replicas"] = 2
        object = try apply(shared, by: "argocd", to: object, force: false)

        let replicas = Path(fields: "spec", "replicas")
        #expect(try fields(of: "kubectl", in: object).contains(replicas))
        #expect(try fields(of: "argocd", in: object).contains(replicas))

        var withoutReplicas = try YAML.parse(Self.deployment)
        withoutReplicas["spec"]?["replicas"] = JSONValue?.none
        object = try apply(withoutReplicas, by: "kubectl", to: object, force: false)
        #expect(object["spec"]?["replicas"] == 2)
        #expect(try !fields(of: "kubectl", in: object).contains(replicas))
        #expect(try fields(of: "argocd", in: object).contains(replicas))
    }

    @Test func applyingADifferentValueOfAnotherManagersFieldConflicts() throws {
        let object = try apply(try YAML.parse(Self.deployment), by: "kubectl", to: nil)

        let error = try #require(throws: ServerSideApplyConflict.self) {
            try apply(try YAML.parse(Self.replicasOnly), by: "ensemble", to: object, force: false)
        }
        #expect(error.message == #"Apply failed with 1 conflict: conflict with "kubectl": .spec.replicas"#)
        #expect(error.conflicts.map(\.field) == [".spec.replicas"])
        #expect(error.conflicts.map(\.message) == [#"conflict with "kubectl""#])
    }

    @Test func conflictsWithSeveralManagersAreGroupedByManager() throws {
        let applied = try apply(try YAML.parse(Self.deployment), by: "kubectl", to: nil)
        var edited = applied
        edited["spec"]?["template"]?["spec"]?["containers"] = try YAML.parse("[{name: web, image: 'nginx:1.28', ports: [{containerPort: 80, protocol: TCP}]}]")
        let object = ServerSideApply.recordUpdate(
            old: applied, new: edited, manager: "kubectl-edit", semantics: semantics, apiVersion: "apps/v1",
            now: "2024-05-01T10:01:00Z", subresource: nil)

        var config = try YAML.parse(Self.deployment)
        config["spec"]?["replicas"] = 7
        config["spec"]?["template"]?["spec"]?["containers"] = try YAML.parse("[{name: web, image: 'nginx:1.29'}]")
        let error = try #require(throws: ServerSideApplyConflict.self) {
            try apply(config, by: "ensemble", to: object, force: false)
        }
        #expect(
            error.message == """
                Apply failed with 2 conflicts: conflicts with "kubectl":
                - .spec.replicas
                conflicts with "kubectl-edit" using apps/v1:
                - .spec.template.spec.containers[name="web"].image
                """)
        #expect(error.conflicts.map(\.message) == [#"conflict with "kubectl""#, #"conflict with "kubectl-edit" using apps/v1"#])
    }

    @Test func forceTakesTheFieldOverFromItsOwner() throws {
        var object = try apply(try YAML.parse(Self.deployment), by: "kubectl", to: nil)
        object = try apply(try YAML.parse(Self.replicasOnly), by: "ensemble", to: object, force: true)

        let replicas = Path(fields: "spec", "replicas")
        #expect(object["spec"]?["replicas"] == 5)
        #expect(try fields(of: "ensemble", in: object).contains(replicas))
        #expect(try !fields(of: "kubectl", in: object).contains(replicas))
        #expect(try fields(of: "kubectl", in: object).contains(Path(fields: "spec", "template", "metadata", "labels", "app")))
    }

    /// The controller stops applying `spec.replicas` once autoscaling is on; the HPA's value stays, owned by it alone.
    @Test func aFieldReleasedByTheControllerKeepsTheAutoscalersValue() throws {
        var object = try apply(try YAML.parse(Self.deployment), by: "ensemble", to: nil)

        var scaled = object
        scaled["spec"]?["replicas"] = 5
        object = ServerSideApply.recordUpdate(
            old: object, new: scaled, manager: "hpa", semantics: semantics, apiVersion: "apps/v1",
            now: "2024-05-01T10:02:00Z", subresource: nil)
        let replicas = Path(fields: "spec", "replicas")
        #expect(try fields(of: "hpa", in: object, operation: .update) == FieldSet([replicas]))
        #expect(try !fields(of: "ensemble", in: object).contains(replicas))

        var autoscaled = try YAML.parse(Self.deployment)
        autoscaled["spec"]?["replicas"] = JSONValue?.none
        object = try apply(autoscaled, by: "ensemble", to: object, now: "2024-05-01T10:03:00Z")

        #expect(object["spec"]?["replicas"] == 5)
        #expect(try fields(of: "hpa", in: object, operation: .update) == FieldSet([replicas]))
        #expect(try !fields(of: "ensemble", in: object).contains(replicas))
    }

    // MARK: merge strategies

    @Test func mapListsMergeByKeyAndEachManagerOwnsItsElements() throws {
        var config = try YAML.parse(Self.deployment)
        config["spec"]?["template"]?["spec"]?["containers"] = try YAML.parse(
            "[{name: web, image: 'nginx:1.27'}, {name: worker, image: 'worker:1'}]")
        var object = try apply(config, by: "ensemble", to: nil)
        let sidecar = try YAML.parse(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: default}
            spec:
              template:
                spec:
                  containers:
                  - {name: proxy, image: 'envoy:1.30'}
            """)
        object = try apply(sidecar, by: "injector", to: object, force: false)
        #expect(containerNames(object) == ["web", "worker", "proxy"])

        config["spec"]?["template"]?["spec"]?["containers"] = try YAML.parse("[{name: web, image: 'nginx:1.28'}]")
        object = try apply(config, by: "ensemble", to: object, force: false)

        #expect(containerNames(object) == ["web", "proxy"])
        #expect(object["spec"]?["template"]?["spec"]?["containers"]?[0]?["image"] == "nginx:1.28")
        let containers = Path(fields: "spec", "template", "spec", "containers")
        let web = Path(containers.elements + [.key(["name": "web"])])
        let proxy = Path(containers.elements + [.key(["name": "proxy"])])
        #expect(try fields(of: "ensemble", in: object).contains(web))
        #expect(try !fields(of: "ensemble", in: object).contains(proxy))
        #expect(try fields(of: "injector", in: object).contains(proxy))
        #expect(try fields(of: "injector", in: object).contains(Path(proxy.elements + [.field("image")])))
    }

    @Test func setListsMergeByValue() throws {
        func finalizers(_ values: String) throws -> JSONValue {
            try YAML.parse(
                """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings, finalizers: \(values)}
                """)
        }
        var object = try apply(try finalizers("[a.example/cleanup]"), by: "first", to: nil)
        object = try apply(try finalizers("[b.example/cleanup]"), by: "second", to: object, force: false)
        #expect(object["metadata"]?["finalizers"] == ["a.example/cleanup", "b.example/cleanup"])
        let entry = try #require(try ManagedFields(of: object)[.init(manager: "first", operation: .apply, apiVersion: nil, subresource: nil)])
        #expect(entry.fields.fieldsV1 == (try YAML.parse(#"{"f:metadata": {"f:finalizers": {"v:\"a.example/cleanup\"": {}}}}"#)))

        object = try apply(try finalizers("[]"), by: "first", to: object, force: false)
        #expect(object["metadata"]?["finalizers"] == ["b.example/cleanup"])
    }

    @Test func atomicListsAreReplacedWhole() throws {
        var config = try YAML.parse(Self.deployment)
        config["spec"]?["template"]?["spec"]?["containers"] = try YAML.parse("[{name: web, image: 'nginx:1.27', args: [--a, --b]}]")
        var object = try apply(config, by: "kubectl", to: nil)
        let override = try YAML.parse(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: default}
            spec:
              template:
                spec:
                  containers:
                  - {name: web, args: [--c]}
            """)
        let args = Path([.field("spec"), .field("template"), .field("spec"), .field("containers"), .key(["name": "web"]), .field("args")])

        let error = try #require(throws: ServerSideApplyConflict.self) {
            try apply(override, by: "ops", to: object, force: false)
        }
        #expect(error.conflicts.map(\.field) == [#".spec.template.spec.containers[name="web"].args"#])

        object = try apply(override, by: "ops", to: object, force: true)
        #expect(object["spec"]?["template"]?["spec"]?["containers"]?[0]?["args"] == ["--c"])
        #expect(object["spec"]?["template"]?["spec"]?["containers"]?[0]?["image"] == "nginx:1.27")
        #expect(try fields(of: "ops", in: object).contains(args))
        #expect(try !fields(of: "kubectl", in: object).contains(args))
    }

    @Test func atomicMapsAreReplacedWhole() throws {
        var config = try YAML.parse(Self.deployment)
        config["spec"]?["selector"] = ["matchLabels": ["app": "web", "tier": "front"]]
        var object = try apply(config, by: "kubectl", to: nil)
        config["spec"]?["selector"] = ["matchLabels": ["app": "web"]]
        object = try apply(config, by: "kubectl", to: object)
        #expect(object["spec"]?["selector"] == ["matchLabels": ["app": "web"]])
        #expect(try fields(of: "kubectl", in: object).contains(Path(fields: "spec", "selector")))
    }

    // MARK: non-apply writes and bookkeeping

    @Test func updatesTakeOverTheFieldsTheyChange() throws {
        let created = ServerSideApply.recordUpdate(
            old: nil, new: try YAML.parse(Self.deployment), manager: "kubectl-create", semantics: semantics,
            apiVersion: "apps/v1", now: "2024-05-01T09:00:00Z", subresource: nil)
        let createdFields = try fields(of: "kubectl-create", in: created, operation: .update)
        #expect(createdFields.contains(Path(fields: "spec", "replicas")))
        #expect(createdFields.contains(Path(fields: "metadata", "labels")))
        #expect(!createdFields.contains(Path(fields: "metadata", "name")))

        var edited = created
        edited["spec"]?["replicas"] = 4
        edited["metadata"]?["annotations"] = ["team": "search"]
        let updated = ServerSideApply.recordUpdate(
            old: created, new: edited, manager: "kubectl-edit", semantics: semantics, apiVersion: "apps/v1",
            now: "2024-05-01T09:05:00Z", subresource: nil)

        let editFields = try fields(of: "kubectl-edit", in: updated, operation: .update)
        #expect(
            editFields.fieldsV1
                == (try YAML.parse(#"{"f:metadata": {"f:annotations": {".": {}, "f:team": {}}}, "f:spec": {"f:replicas": {}}}"#)))
        #expect(try !fields(of: "kubectl-create", in: updated, operation: .update).contains(Path(fields: "spec", "replicas")))

        let unchanged = ServerSideApply.recordUpdate(
            old: updated, new: updated, manager: "other", semantics: semantics, apiVersion: "apps/v1",
            now: "2024-05-01T09:10:00Z", subresource: nil)
        #expect(unchanged == updated)
    }

    @Test func anUnchangedApplyReturnsTheLiveObjectWithItsTimes() throws {
        let first = try apply(try YAML.parse(Self.deployment), by: "ensemble", to: nil)
        let second = try apply(try YAML.parse(Self.deployment), by: "ensemble", to: first, now: "2024-05-02T00:00:00Z")
        #expect(second == first)
    }

    @Test func statusIsIgnoredOnTheMainResourceAndAppliedOnItsSubresource() throws {
        var live = try apply(try YAML.parse(Self.deployment), by: "ensemble", to: nil)
        live["status"] = ["replicas": 2]
        var config = try YAML.parse(Self.deployment)
        config["status"] = ["replicas": 9]

        let main = try ServerSideApply.apply(
            live: live, configuration: config, manager: "ensemble", force: true, semantics: semantics,
            apiVersion: "apps/v1", now: "2024-05-01T11:00:00Z", hasStatusSubresource: true)
        #expect(main["status"] == ["replicas": 2])
        #expect(try !fields(of: "ensemble", in: main).contains(Path(fields: "status", "replicas")))

        let status = try ServerSideApply.apply(
            live: main, configuration: config, manager: "ensemble", force: true, semantics: semantics,
            apiVersion: "apps/v1", now: "2024-05-01T11:01:00Z", hasStatusSubresource: true, subresource: "status")
        #expect(status["status"] == ["replicas": 9])
        #expect(status["spec"] == main["spec"])
        let statusEntry = try #require(
            try ManagedFields(of: status)[.init(manager: "ensemble", operation: .apply, apiVersion: nil, subresource: "status")])
        #expect(statusEntry.fields == FieldSet([Path(fields: "status", "replicas")]))
        #expect(try fields(of: "ensemble", in: status).contains(Path(fields: "spec", "replicas")))
    }

    @Test func anObjectWithoutManagedFieldsIsOwnedBeforeFirstApply() throws {
        let live = try YAML.parse(Self.deployment)
        let error = try #require(throws: ServerSideApplyConflict.self) {
            try apply(try YAML.parse(Self.replicasOnly), by: "ensemble", to: live, force: false)
        }
        #expect(error.message == #"Apply failed with 1 conflict: conflict with "before-first-apply" using apps/v1: .spec.replicas"#)
    }

    @Test func managedFieldsSentInAnUpdateReplaceOrResetTheStoredOnes() throws {
        let object = try apply(try YAML.parse(Self.deployment), by: "ensemble", to: nil)
        var reset = object
        reset["metadata"]?["managedFields"] = [[:]]
        var relabeled = reset
        relabeled["metadata"]?["labels"] = ["app": "web", "tier": "front"]

        let stripped = ServerSideApply.recordUpdate(
            old: object, new: relabeled, manager: "kubectl-edit", semantics: semantics, apiVersion: "apps/v1",
            now: "2024-05-01T12:00:00Z", subresource: nil)
        #expect(stripped["metadata"]?["managedFields"] == nil)
        #expect(stripped["metadata"]?["labels"]?["tier"] == "front")

        let untracked = ServerSideApply.recordUpdate(
            old: stripped, new: stripped, manager: "kubectl-edit", semantics: semantics, apiVersion: "apps/v1",
            now: "2024-05-01T12:01:00Z", subresource: nil)
        #expect(untracked["metadata"]?["managedFields"] == nil)
    }

    @Test func fieldManagersDefaultFromTheUserAgentAndAreValidated() {
        #expect(ServerSideApply.fieldManager(requested: nil, userAgent: "kubectl/v1.30.2 (linux/amd64) kubernetes/39683505") == "kubectl")
        #expect(ServerSideApply.fieldManager(requested: "ensemble", userAgent: "curl/8.0") == "ensemble")
        #expect(ServerSideApply.fieldManagerProblems(nil, isApply: true) == ["fieldManager: Required value: is required for apply patch"])
        #expect(ServerSideApply.fieldManagerProblems("ensemble", isApply: true).isEmpty)
        #expect(ServerSideApply.fieldManagerProblems(nil, isApply: false, force: true) == ["force: Forbidden: may not be specified for non-apply patch"])
        #expect(
            ServerSideApply.fieldManagerProblems("bad\u{7}", isApply: false)
                == [#"fieldManager: Invalid value: "bad\u0007": invalid character U+0007 (at position 3)"#])
        #expect(
            ServerSideApply.fieldManagerProblems(String(repeating: "m", count: 129), isApply: true)
                == ["fieldManager: Too long: may not be more than 128 bytes"])
    }

    // MARK: FieldsV1

    @Test func managedFieldsOfARealDeploymentRoundTrip() throws {
        let object = try YAML.parse(Self.deploymentWithManagedFields)
        let managedFields = try ManagedFields(of: object)

        #expect(managedFields.json == object["metadata"]?["managedFields"])
        #expect(managedFields.entries.map(\.manager) == ["kubectl-client-side-apply", "kube-controller-manager"])
        let controller = try #require(managedFields.entries.last)
        #expect(controller.subresource == "status")
        #expect(
            controller.fields.contains(
                Path([.field("status"), .field("conditions"), .key(["type": "Available"]), .field("reason")])))
        let client = try #require(managedFields.entries.first)
        let port = Path([
            .field("spec"), .field("template"), .field("spec"), .field("containers"), .key(["name": "web"]),
            .field("ports"), .key(["containerPort": 80, "protocol": "TCP"]),
        ])
        #expect(client.fields.contains(port))
        #expect(port.description == #".spec.template.spec.containers[name="web"].ports[containerPort=80,protocol="TCP"]"#)
        #expect(client.fields.contains(Path([.field("metadata"), .field("finalizers"), .value("example.com/cleanup")])))
        #expect(client.fields.contains(Path(fields: "metadata", "labels")))
        #expect(!client.fields.contains(Path(fields: "spec")))
        #expect(ManagedFields().written(to: object)["metadata"]?["managedFields"] == nil)
    }

    static let deploymentWithManagedFields = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: default
          managedFields:
          - apiVersion: apps/v1
            fieldsType: FieldsV1
            fieldsV1:
              f:metadata:
                f:annotations:
                  .: {}
                  f:kubectl.kubernetes.io/last-applied-configuration: {}
                f:finalizers:
                  .: {}
                  v:"example.com/cleanup": {}
                f:labels:
                  .: {}
                  f:app: {}
              f:spec:
                f:progressDeadlineSeconds: {}
                f:replicas: {}
                f:revisionHistoryLimit: {}
                f:selector: {}
                f:strategy:
                  f:rollingUpdate:
                    .: {}
                    f:maxSurge: {}
                    f:maxUnavailable: {}
                  f:type: {}
                f:template:
                  f:metadata:
                    f:labels:
                      .: {}
                      f:app: {}
                  f:spec:
                    f:containers:
                      k:{"name":"web"}:
                        .: {}
                        f:env:
                          .: {}
                          k:{"name":"LOG_LEVEL"}:
                            .: {}
                            f:name: {}
                            f:value: {}
                        f:image: {}
                        f:imagePullPolicy: {}
                        f:name: {}
                        f:ports:
                          .: {}
                          k:{"containerPort":80,"protocol":"TCP"}:
                            .: {}
                            f:containerPort: {}
                            f:protocol: {}
                        f:resources: {}
                        f:terminationMessagePath: {}
                        f:terminationMessagePolicy: {}
                    f:dnsPolicy: {}
                    f:restartPolicy: {}
                    f:schedulerName: {}
                    f:securityContext: {}
                    f:terminationGracePeriodSeconds: {}
            manager: kubectl-client-side-apply
            operation: Update
            time: "2024-05-01T10:00:00Z"
          - apiVersion: apps/v1
            fieldsType: FieldsV1
            fieldsV1:
              f:metadata:
                f:annotations:
                  f:deployment.kubernetes.io/revision: {}
              f:status:
                f:availableReplicas: {}
                f:conditions:
                  .: {}
                  k:{"type":"Available"}:
                    .: {}
                    f:lastTransitionTime: {}
                    f:lastUpdateTime: {}
                    f:message: {}
                    f:reason: {}
                    f:status: {}
                    f:type: {}
                  k:{"type":"Progressing"}:
                    .: {}
                    f:lastTransitionTime: {}
                    f:lastUpdateTime: {}
                    f:message: {}
                    f:reason: {}
                    f:status: {}
                    f:type: {}
                f:observedGeneration: {}
                f:readyReplicas: {}
                f:replicas: {}
                f:updatedReplicas: {}
            manager: kube-controller-manager
            operation: Update
            subresource: status
            time: "2024-05-01T10:00:05Z"
        """

    // MARK: helpers

    typealias Path = FieldSet.Path

    private func apply(
        _ configuration: JSONValue, by manager: String, to live: JSONValue?, force: Bool = true,
        now: String = "2024-05-01T10:00:00Z"
    ) throws(ServerSideApplyConflict) -> JSONValue {
        try ServerSideApply.apply(
            live: live, configuration: configuration, manager: manager, force: force, semantics: semantics,
            apiVersion: "apps/v1", now: now)
    }

    private func fields(
        of manager: String, in object: JSONValue, operation: ManagedFieldsEntry.Operation = .apply
    ) throws -> FieldSet {
        let identity = ManagedFieldsEntry.Identity(
            manager: manager, operation: operation, apiVersion: "apps/v1", subresource: nil)
        return try ManagedFields(of: object)[identity]?.fields ?? FieldSet()
    }

    private func containerNames(_ object: JSONValue) -> [String] {
        object["spec"]?["template"]?["spec"]?["containers"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
    }
}
