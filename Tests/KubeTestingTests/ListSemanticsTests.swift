import EnsembleSupport
import Testing
@testable import KubeTesting

@Suite struct ListSemanticsTests {
    @Test func readsListAndMapExtensionsFromASchema() throws {
        let schema = try YAML.parse(
            """
            type: object
            properties:
              spec:
                type: object
                properties:
                  agents:
                    type: array
                    x-kubernetes-list-type: map
                    x-kubernetes-list-map-keys: [name]
                    items:
                      type: object
                      properties:
                        tags: {type: array, x-kubernetes-list-type: set, items: {type: string}}
                  selector:
                    type: object
                    x-kubernetes-map-type: atomic
                  containers:
                    type: array
                    x-kubernetes-patch-merge-key: name
                    x-kubernetes-patch-strategy: merge
                    items: {type: object}
            """)
        let semantics = ListSemantics(schema: schema)
        #expect(semantics.listType(at: "spec.agents") == .map(keys: ["name"]))
        #expect(semantics.listType(at: "spec.agents[].tags") == .set)
        #expect(semantics.listType(at: "spec.other") == .atomic)
        #expect(semantics.isAtomicMap(at: "spec.selector"))
        #expect(semantics.patchStrategy(at: "spec.containers") == .init(mergeKey: "name", strategy: "merge"))
    }
}
