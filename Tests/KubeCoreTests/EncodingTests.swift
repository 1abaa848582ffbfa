import Foundation
import Testing
import KubeCore

@Suite struct EncodingTests {
    private func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func unsetOptionalsAreLeftOutNeverNull() throws {
        let deployment = Deployment(
            metadata: ObjectMeta(name: "web", namespace: "team"),
            spec: DeploymentSpec(
                selector: LabelSelector(matchLabels: ["app": "web"]),
                template: PodTemplateSpec(spec: PodSpec(containers: [
                    Container(name: "runner", image: "ensemble:1", env: [
                        EnvVar(name: "KEY", valueFrom: EnvVarSource(secretKeyRef: SecretKeySelector(name: "keys", key: "openai")))
                    ])
                ]))))
        let text = try json(deployment)
        #expect(!text.contains("null"))
        #expect(!text.contains("replicas"))
        #expect(text.contains(#""apiVersion":"apps\/v1""#))
        #expect(text.contains(#""kind":"Deployment""#))
        #expect(try json(ConfigMap(metadata: ObjectMeta(name: "x"))) == #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"}}"#)
    }

    @Test func decodingToleratesUnknownFieldsAndMissingKind() throws {
        let text = #"{"metadata":{"name":"a","somethingNew":1},"data":{"k":"v"},"extra":{"x":[1,2]}}"#
        let map = try JSONDecoder().decode(ConfigMap.self, from: Data(text.utf8))
        #expect(map.kind == "ConfigMap")
        #expect(map.apiVersion == "v1")
        #expect(map.data == ["k": "v"])
    }

    @Test func timesReadRFC3339AndWriteUTC() throws {
        let time = try #require(Time(rfc3339: "2025-01-31T10:00:00.5+02:00"))
        #expect(time.description == "2025-01-31T08:00:00Z")
        let micro = try #require(MicroTime(rfc3339: "2024-02-29T23:59:59.123456789Z"))
        #expect(micro.description == "2024-02-29T23:59:59.123456Z")
        #expect(MicroTime(rfc3339: "2024-02-29T23:59:59.5Z")?.description == "2024-02-29T23:59:59.500000Z")
        #expect(Time(rfc3339: "2024-02-29 nope") == nil)
        #expect(Time(secondsSince1970: 0).description == "1970-01-01T00:00:00Z")
        let lease = Lease(metadata: ObjectMeta(name: "leader"), spec: LeaseSpec(holderIdentity: "a", renewTime: micro))
        #expect(try json(lease).contains(#""renewTime":"2024-02-29T23:59:59.123456Z""#))
        let decoded = try JSONDecoder().decode(Lease.self, from: Data(try json(lease).utf8))
        #expect(decoded == lease)
    }

    @Test func watchEventsDecodeByType() throws {
        let added = try JSONDecoder().decode(
            WatchEvent<ConfigMap>.self, from: Data(#"{"type":"ADDED","object":{"metadata":{"name":"a"}}}"#.utf8))
        #expect(added.object?.metadata.name == "a")
        let bookmark = try JSONDecoder().decode(
            WatchEvent<Deployment>.self,
            from: Data(#"{"type":"BOOKMARK","object":{"kind":"Deployment","metadata":{"resourceVersion":"12"}}}"#.utf8))
        #expect(bookmark == .bookmark(resourceVersion: "12"))
        let error = try JSONDecoder().decode(
            WatchEvent<ConfigMap>.self,
            from: Data(#"{"type":"ERROR","object":{"kind":"Status","code":410,"reason":"Expired"}}"#.utf8))
        guard case .error(let status) = error else { Issue.record("expected an error event"); return }
        #expect(status.code == 410)
    }

    @Test func quantitiesAndIntOrStringKeepTheirForm() throws {
        let requirements = try JSONDecoder().decode(
            ResourceRequirements.self, from: Data(#"{"requests":{"cpu":1,"memory":"512Mi"}}"#.utf8))
        #expect(requirements.requests?["cpu"] == "1")
        #expect(try json(requirements) == #"{"requests":{"cpu":"1","memory":"512Mi"}}"#)
        #expect(try json(PodDisruptionBudgetSpec(minAvailable: "50%")) == #"{"minAvailable":"50%"}"#)
        #expect(try json(ServicePort(port: 80, targetPort: 8080)) == #"{"port":80,"targetPort":8080}"#)
    }

    @Test func groupVersionResourcePaths() {
        #expect(Deployment.resource.path(namespace: "ns") == "/apis/apps/v1/namespaces/ns/deployments")
        #expect(ConfigMap.resource.path(namespace: nil) == "/api/v1/configmaps")
        #expect(Event.apiVersion == "events.k8s.io/v1")
        #expect(GroupVersionKind(apiVersion: "ensemble.dev/v1alpha1", kind: "AgentTeam").group == "ensemble.dev")
    }
}
