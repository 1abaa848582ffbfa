import EnsembleSupport
import Testing
@testable import KubeTesting

@Suite struct FieldSetTests {
    typealias Path = FieldSet.Path

    let spec = Path(fields: "spec")
    let replicas = Path(fields: "spec", "replicas")
    let paused = Path(fields: "spec", "paused")
    let selector = Path(fields: "spec", "selector")

    @Test func setOperationsWorkPathByPath() {
        let left = FieldSet([replicas, paused])
        let right = FieldSet([paused, selector])
        #expect(left.union(right) == FieldSet([replicas, paused, selector]))
        #expect(left.intersection(right) == FieldSet([paused]))
        #expect(left.subtracting(right) == FieldSet([replicas]))
        #expect(left.subtracting(left).isEmpty)
        #expect(FieldSet([spec, replicas]).subtracting(FieldSet([spec])) == FieldSet([replicas]))
        #expect(FieldSet([spec, replicas]).subtractingRecursively(FieldSet([spec])).isEmpty)
        #expect(left.union(right).count == 3)
    }

    @Test func pathsComeInStructuredMergeDiffOrder() {
        let set = FieldSet([
            Path([.field("spec"), .field("list"), .index(10)]),
            Path([.field("spec"), .field("list"), .index(2)]),
            Path(fields: "spec", "zeta"),
            Path(fields: "spec", "alpha", "leaf"),
        ])
        #expect(set.paths.map(\.description) == [".spec.zeta", ".spec.alpha.leaf", ".spec.list[2]", ".spec.list[10]"])
    }

    @Test func everyKindOfElementRoundTripsThroughFieldsV1() throws {
        let encoded = try YAML.parse(
            #"""
            f:spec:
              f:args:
                i:0: {}
              f:finalizers:
                v:"a/b": {}
                v:3: {}
              f:ports:
                .: {}
                k:{"containerPort":80,"protocol":"TCP"}:
                  .: {}
                  f:name: {}
            """#)
        let set = try FieldSet(fieldsV1: encoded)
        #expect(set.fieldsV1 == encoded)
        #expect(set.contains(Path([.field("spec"), .field("args"), .index(0)])))
        #expect(set.contains(Path([.field("spec"), .field("finalizers"), .value(3)])))
        #expect(set.contains(Path(fields: "spec", "ports")))
        #expect(!set.contains(spec))
    }

    @Test func malformedEncodingsAreRejected() {
        #expect(throws: FieldSetDecodingError.self) { try FieldSet(fieldsV1: ["x:name": [:]]) }
        #expect(throws: FieldSetDecodingError.self) { try FieldSet(fieldsV1: ["k:[1]": [:]]) }
        #expect(throws: FieldSetDecodingError.self) { try FieldSet(fieldsV1: ["f:name": "leaf"]) }
        #expect(throws: FieldSetDecodingError.self) { try FieldSet(fieldsV1: ["i:-1": [:]]) }
    }

    @Test func appliedFieldsCountLeavesElementsAndEmptyMaps() throws {
        let semantics = ListSemantics(listTypes: ["spec.items": .map(keys: ["name"]), "spec.tags": .set])
        let configuration = try YAML.parse(
            """
            spec:
              items: [{name: a, value: 1}]
              tags: [x]
              args: [--flag]
              resources: {}
              empty: []
              limits: {cpu: 1}
            """)
        let expected = try YAML.parse(
            #"""
            f:spec:
              f:items:
                k:{"name":"a"}:
                  .: {}
                  f:name: {}
                  f:value: {}
              f:tags:
                v:"x": {}
              f:args: {}
              f:resources: {}
              f:empty: {}
              f:limits:
                f:cpu: {}
            """#)
        #expect(FieldSet(appliedBy: configuration, semantics: semantics).fieldsV1 == expected)
        #expect(FieldSet(nodesOf: configuration, semantics: semantics).contains(Path(fields: "spec", "empty")))
    }
}
