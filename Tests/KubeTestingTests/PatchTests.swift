import EnsembleSupport
import KubeTesting
import Testing

private func yaml(_ text: String) throws -> JSONValue { try YAML.parse(text) }

/// The error a patch throws, or nil when it applies.
private func patchError(_ body: () throws(PatchError) -> JSONValue) -> PatchError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error
    }
}

@Suite struct JSONMergePatchTests {
    /// RFC 7386, Appendix A: original, patch, result.
    @Test(arguments: [
        (#"{"a":"b"}"#, #"{"a":"c"}"#, #"{"a":"c"}"#),
        (#"{"a":"b"}"#, #"{"b":"c"}"#, #"{"a":"b","b":"c"}"#),
        (#"{"a":"b"}"#, #"{"a":null}"#, #"{}"#),
        (#"{"a":"b","b":"c"}"#, #"{"a":null}"#, #"{"b":"c"}"#),
        (#"{"a":["b"]}"#, #"{"a":"c"}"#, #"{"a":"c"}"#),
        (#"{"a":"c"}"#, #"{"a":["b"]}"#, #"{"a":["b"]}"#),
        (#"{"a":{"b":"c"}}"#, #"{"a":{"b":"d","c":null}}"#, #"{"a":{"b":"d"}}"#),
        (#"{"a":[{"b":"c"}]}"#, #"{"a":[1]}"#, #"{"a":[1]}"#),
        (#"["a","b"]"#, #"["c","d"]"#, #"["c","d"]"#),
        (#"{"a":"b"}"#, #"["c"]"#, #"["c"]"#),
        (#"{"a":"foo"}"#, "null", "null"),
        (#"{"a":"foo"}"#, #""bar""#, #""bar""#),
        (#"{"e":null}"#, #"{"a":1}"#, #"{"e":null,"a":1}"#),
        (#"[1,2]"#, #"{"a":"b","c":null}"#, #"{"a":"b"}"#),
        (#"{}"#, #"{"a":{"bb":{"ccc":null}}}"#, #"{"a":{"bb":{}}}"#),
    ])
    func rfc7386Examples(original: String, patch: String, result: String) throws {
        #expect(JSONMergePatch.apply(try yaml(patch), to: try yaml(original)) == (try yaml(result)))
    }
}

@Suite struct JSONPatchTests {
    /// kube-apiserver's JSON patch library lets `test` with `null` match an absent member, which is how clients
    /// assert "no finalizers yet" before adding the first one.
    @Test func testingForNullMatchesAnAbsentMember() throws {
        let patch = try JSONText.parse(#"[{"op":"test","path":"/metadata/finalizers","value":null},{"op":"add","path":"/metadata/finalizers","value":["x"]}]"#)
        let patched = try JSONPatch.apply(patch, to: try JSONText.parse(#"{"metadata":{"name":"a"}}"#))
        #expect(patched["metadata"]?["finalizers"] == ["x"])
        let present = try JSONText.parse(#"{"metadata":{"finalizers":["y"]}}"#)
        #expect(throws: PatchError.self) { try JSONPatch.apply(patch, to: present) }
    }

    /// RFC 6902, Appendix A: the examples that succeed.
    @Test(arguments: [
        (
            "A.1 add an object member", #"{"foo":"bar"}"#, #"[{"op":"add","path":"/baz","value":"qux"}]"#,
            #"{"baz":"qux","foo":"bar"}"#
        ),
        (
            "A.2 add an array element", #"{"foo":["bar","baz"]}"#, #"[{"op":"add","path":"/foo/1","value":"qux"}]"#,
            #"{"foo":["bar","qux","baz"]}"#
        ),
        (
            "A.3 remove an object member", #"{"baz":"qux","foo":"bar"}"#, #"[{"op":"remove","path":"/baz"}]"#,
            #"{"foo":"bar"}"#
        ),
        (
            "A.4 remove an array element", #"{"foo":["bar","qux","baz"]}"#, #"[{"op":"remove","path":"/foo/1"}]"#,
            #"{"foo":["bar","baz"]}"#
        ),
        (
            "A.5 replace a value", #"{"baz":"qux","foo":"bar"}"#, #"[{"op":"replace","path":"/baz","value":"boo"}]"#,
            #"{"baz":"boo","foo":"bar"}"#
        ),
        (
            "A.6 move a value", #"{"foo":{"bar":"baz","waldo":"fred"},"qux":{"corge":"grault"}}"#,
            #"[{"op":"move","from":"/foo/waldo","path":"/qux/thud"}]"#,
            #"{"foo":{"bar":"baz"},"qux":{"corge":"grault","thud":"fred"}}"#
        ),
        (
            "A.7 move an array element", #"{"foo":["all","grass","cows","eat"]}"#,
            #"[{"op":"move","from":"/foo/1","path":"/foo/3"}]"#, #"{"foo":["all","cows","eat","grass"]}"#
        ),
        (
            "A.8 test a value", #"{"baz":"qux","foo":["a",2,"c"]}"#,
            #"[{"op":"test","path":"/baz","value":"qux"},{"op":"test","path":"/foo/1","value":2}]"#,
            #"{"baz":"qux","foo":["a",2,"c"]}"#
        ),
        (
            "A.10 add a nested member object", #"{"foo":"bar"}"#,
            #"[{"op":"add","path":"/child","value":{"grandchild":{}}}]"#, #"{"foo":"bar","child":{"grandchild":{}}}"#
        ),
        (
            "A.11 ignore unrecognized elements", #"{"foo":"bar"}"#,
            #"[{"op":"add","path":"/baz","value":"qux","xyz":123}]"#, #"{"foo":"bar","baz":"qux"}"#
        ),
        (
            "A.14 ~ escape ordering", #"{"/":9,"~1":10}"#, #"[{"op":"test","path":"/~01","value":10}]"#,
            #"{"/":9,"~1":10}"#
        ),
        (
            "A.16 add an array value", #"{"foo":["bar"]}"#, #"[{"op":"add","path":"/foo/-","value":["abc","def"]}]"#,
            #"{"foo":["bar",["abc","def"]]}"#
        ),
        ("copy", #"{"a":{"b":1}}"#, #"[{"op":"copy","from":"/a","path":"/c"}]"#, #"{"a":{"b":1},"c":{"b":1}}"#),
        ("replace the whole document", #"{"a":1}"#, #"[{"op":"replace","path":"","value":[1]}]"#, "[1]"),
        (
            "test numbers by value", #"{"a":1,"b":[{"x":2.0,"y":"z"}]}"#,
            #"[{"op":"test","path":"/a","value":1.0},{"op":"test","path":"/b","value":[{"y":"z","x":2}]}]"#,
            #"{"a":1,"b":[{"x":2.0,"y":"z"}]}"#
        ),
        ("add appends at the end index", #"{"a":[1]}"#, #"[{"op":"add","path":"/a/1","value":2}]"#, #"{"a":[1,2]}"#),
        ("value null is a value", #"{"a":1}"#, #"[{"op":"replace","path":"/a","value":null}]"#, #"{"a":null}"#),
    ])
    func rfc6902Examples(name: String, document: String, patch: String, result: String) throws {
        #expect(try JSONPatch.apply(try yaml(patch), to: try yaml(document)) == (try yaml(result)), "\(name)")
    }

    /// RFC 6902, Appendix A's failing examples and the errors around them.
    @Test(arguments: [
        (
            "A.9 test fails", #"{"baz":"qux"}"#, #"[{"op":"test","path":"/baz","value":"bar"}]"#,
            PatchError.Kind.testFailed
        ),
        (
            "A.12 add to a nonexistent target", #"{"foo":"bar"}"#, #"[{"op":"add","path":"/baz/bat","value":"qux"}]"#,
            .pathNotFound
        ),
        (
            "A.15 strings are not numbers", #"{"/":9,"~1":10}"#, #"[{"op":"test","path":"/~01","value":"10"}]"#,
            .testFailed
        ),
        ("1 is not 1.5", #"{"a":1}"#, #"[{"op":"test","path":"/a","value":1.5}]"#, .testFailed),
        ("test a missing path for a value", #"{"a":1}"#, #"[{"op":"test","path":"/b","value":2}]"#, .pathNotFound),
        ("remove a missing member", #"{"a":1}"#, #"[{"op":"remove","path":"/b"}]"#, .pathNotFound),
        ("replace a missing member", #"{"a":1}"#, #"[{"op":"replace","path":"/b","value":2}]"#, .pathNotFound),
        ("index past the end", #"{"a":[1]}"#, #"[{"op":"add","path":"/a/2","value":2}]"#, .pathNotFound),
        ("leading zero index", #"{"a":[1,2]}"#, #"[{"op":"remove","path":"/a/01"}]"#, .pathNotFound),
        ("- only appends", #"{"a":[1]}"#, #"[{"op":"remove","path":"/a/-"}]"#, .pathNotFound),
        ("move from a missing path", #"{"a":1}"#, #"[{"op":"move","from":"/b","path":"/c"}]"#, .pathNotFound),
        (
            "move into its own child", #"{"a":{"b":1}}"#, #"[{"op":"move","from":"/a","path":"/a/b/c"}]"#,
            .invalidOperation
        ),
        ("unknown op", #"{}"#, #"[{"op":"merge","path":"/a","value":1}]"#, .invalidOperation),
        ("missing value", #"{}"#, #"[{"op":"add","path":"/a"}]"#, .invalidOperation),
        ("missing from", #"{"a":1}"#, #"[{"op":"copy","path":"/b"}]"#, .invalidOperation),
        ("pointer without slash", #"{"a":1}"#, #"[{"op":"remove","path":"a"}]"#, .invalidOperation),
        ("bad escape", #"{"a":1}"#, #"[{"op":"remove","path":"/~2"}]"#, .invalidOperation),
        ("remove the whole document", #"{"a":1}"#, #"[{"op":"remove","path":""}]"#, .invalidOperation),
        ("not an array", #"{"a":1}"#, #"{"op":"remove","path":"/a"}"#, .malformedPatch),
        ("operation not an object", #"{"a":1}"#, #"["remove"]"#, .malformedPatch),
    ])
    func failures(name: String, document: String, patch: String, kind: PatchError.Kind) throws {
        let document = try yaml(document)
        let patch = try yaml(patch)
        #expect(
            patchError { () throws(PatchError) in try JSONPatch.apply(patch, to: document) }?.kind == kind, "\(name)")
    }

    @Test func operationsApplyAllOrNothing() throws {
        let document = try yaml(#"{"a":1}"#)
        let patch = try yaml(#"[{"op":"add","path":"/b","value":2},{"op":"test","path":"/a","value":2}]"#)
        #expect(patchError { () throws(PatchError) in try JSONPatch.apply(patch, to: document) }?.kind == .testFailed)
        #expect(document == (try yaml(#"{"a":1}"#)))
    }

    @Test func refusesMoreOperationsThanKubeAPIServer() {
        let test: JSONValue = ["op": "test", "path": "", "value": [:]]
        let patch = JSONValue.array(Array(repeating: test, count: JSONPatch.maximumOperationCount + 1))
        let error = patchError { () throws(PatchError) in try JSONPatch.apply(patch, to: [:]) }
        #expect(error?.statusCode == 413)
        #expect(error?.reason == "RequestEntityTooLarge")
    }
}

@Suite struct PatchErrorTests {
    @Test func answersAsKubeAPIServer() {
        let malformed = PatchError(kind: .malformedPatch, message: "a JSON patch must be an array of operations")
        #expect(malformed.statusCode == 400)
        #expect(malformed.reason == "BadRequest")
        #expect(malformed.statusMessage == "a JSON patch must be an array of operations")

        for kind in [PatchError.Kind.testFailed, .pathNotFound, .invalidOperation] {
            let error = PatchError(kind: kind, message: "detail")
            #expect(error.statusCode == 422)
            #expect(error.reason == "Invalid")
            #expect(error.statusMessage == "the server rejected our request due to an error in our request")
        }

        let unmergeable = PatchError(kind: .mergeFailed, message: "map: {} does not contain declared merge key: name")
        #expect(unmergeable.statusCode == 500)
        #expect(unmergeable.reason == nil)
        #expect(unmergeable.statusMessage == unmergeable.message)

        let unsupported = PatchError.unsupportedPatchType(accepted: [
            "application/json-patch+json", "application/merge-patch+json", "application/apply-patch+yaml",
        ])
        #expect(unsupported.statusCode == 415)
        #expect(unsupported.reason == "UnsupportedMediaType")
        #expect(
            unsupported.statusMessage
                == "the body of the request was in an unknown format - accepted media types include: "
                + "application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml")
    }
}

@Suite struct StrategicMergePatchTests {
    private func patched(_ original: String, _ patch: String, _ semantics: ListSemantics = .deployment) throws
        -> JSONValue
    {
        try StrategicMergePatch.apply(try yaml(patch), to: try yaml(original), semantics: semantics)
    }

    private func failure(_ original: String, _ patch: String, _ semantics: ListSemantics = .deployment) throws
        -> PatchError?
    {
        let original = try yaml(original)
        let patch = try yaml(patch)
        return patchError { () throws(PatchError) in
            try StrategicMergePatch.apply(patch, to: original, semantics: semantics)
        }
    }

    private let twoContainers = """
        metadata: {name: team, labels: {app: team}}
        spec:
          replicas: 2
          template:
            spec:
              containers:
              - name: runner
                image: v1
                ports: [{containerPort: 8080, protocol: TCP}]
                env: [{name: MODE, value: prod}]
              - name: sidecar
                image: proxy:1
        """

    /// `kubectl patch deployment x -p '{"spec":{"template":{"spec":{"containers":[{"name":"runner","image":"v2"}]}}}}'`
    @Test func kubectlPatchChangesOneContainerOfTwo() throws {
        let result = try patched(
            twoContainers, #"{"spec":{"template":{"spec":{"containers":[{"name":"runner","image":"v2"}]}}}}"#)
        #expect(
            result
                == (try yaml(
                    """
                    metadata: {name: team, labels: {app: team}}
                    spec:
                      replicas: 2
                      template:
                        spec:
                          containers:
                          - name: runner
                            image: v2
                            ports: [{containerPort: 8080, protocol: TCP}]
                            env: [{name: MODE, value: prod}]
                          - name: sidecar
                            image: proxy:1
                    """)))
    }

    @Test func mergingOneContainerKeepsTheirOrder() throws {
        let original = """
            spec: {template: {spec: {containers: [{name: sidecar, image: proxy:1}, {name: runner, image: v1}]}}}
            """
        let result = try patched(original, "spec: {template: {spec: {containers: [{name: runner, image: v2}]}}}")
        #expect(
            result["spec"]?["template"]?["spec"]?["containers"]
                == (try yaml("[{name: sidecar, image: proxy:1}, {name: runner, image: v2}]")))
    }

    /// kubernetes.io, "Update API Objects in Place Using kubectl patch": the new container comes first.
    @Test func newContainerGoesBeforeTheServerOnlyOnes() throws {
        let original = "spec: {template: {spec: {containers: [{name: patch-demo-ctr, image: nginx}]}}}"
        let result = try patched(
            original, "spec: {template: {spec: {containers: [{name: patch-demo-ctr-2, image: redis}]}}}")
        #expect(
            result["spec"]?["template"]?["spec"]?["containers"]
                == (try yaml("[{name: patch-demo-ctr-2, image: redis}, {name: patch-demo-ctr, image: nginx}]")))
    }

    /// The same page: tolerations have no patch strategy, so the list is replaced.
    @Test func tolerationsAreReplaced() throws {
        let original = """
            spec: {template: {spec: {tolerations: [{effect: NoSchedule, key: dedicated, value: test-team}]}}}
            """
        let result = try patched(
            original, "spec: {template: {spec: {tolerations: [{effect: NoSchedule, key: disktype, value: ssd}]}}}")
        #expect(
            result
                == (try yaml(
                    "spec: {template: {spec: {tolerations: [{effect: NoSchedule, key: disktype, value: ssd}]}}}")))
    }

    @Test func envMergesByName() throws {
        let result = try patched(
            twoContainers,
            """
            spec:
              template:
                spec:
                  containers:
                  - name: runner
                    env: [{name: MODE, value: dev}, {name: LOG, value: debug}]
            """)
        #expect(
            result["spec"]?["template"]?["spec"]?["containers"]?[0]?["env"]
                == (try yaml("[{name: MODE, value: dev}, {name: LOG, value: debug}]")))
        #expect(result["spec"]?["template"]?["spec"]?["containers"]?[0]?["image"] == "v1")
    }

    @Test func portsMergeByContainerPort() throws {
        let result = try patched(
            twoContainers,
            """
            spec: {template: {spec: {containers: [{name: runner, ports: [{containerPort: 9090, name: metrics}]}]}}}
            """)
        #expect(
            result["spec"]?["template"]?["spec"]?["containers"]?[0]?["ports"]
                == (try yaml("[{containerPort: 9090, name: metrics}, {containerPort: 8080, protocol: TCP}]")))
    }

    @Test func deleteDirectiveRemovesAListElementByMergeKey() throws {
        let result = try patched(
            twoContainers,
            """
            spec: {template: {spec: {containers: [{name: sidecar, $patch: delete}]}}}
            """)
        let containers = result["spec"]?["template"]?["spec"]?["containers"]?.arrayValue
        #expect(containers?.count == 1)
        #expect(containers?.first?["name"] == "runner")
    }

    @Test func replaceDirectiveReplacesAList() throws {
        let result = try patched(
            twoContainers,
            """
            spec: {template: {spec: {containers: [{name: only, image: v3}, {$patch: replace}]}}}
            """)
        #expect(result["spec"]?["template"]?["spec"]?["containers"] == (try yaml("[{name: only, image: v3}]")))
    }

    @Test func replaceDirectiveReplacesAMap() throws {
        let result = try patched(twoContainers, "metadata: {labels: {$patch: replace, tier: backend}}")
        #expect(result["metadata"] == (try yaml("{name: team, labels: {tier: backend}}")))
    }

    @Test func deleteDirectiveRemovesAMap() throws {
        let original = "spec: {strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1}}}"
        let result = try patched(original, "spec: {strategy: {rollingUpdate: {$patch: delete}}}")
        #expect(result == (try yaml("spec: {strategy: {type: RollingUpdate}}")))
    }

    @Test func nullDeletesAField() throws {
        let result = try patched(twoContainers, "{spec: {replicas: null}, metadata: {labels: {app: null}}}")
        #expect(result["spec"]?["replicas"] == nil)
        #expect(result["metadata"]?["labels"] == [:])
    }

    /// kubernetes.io, "Use strategic merge patch to update a Deployment using the retainKeys strategy".
    @Test func retainKeysClearsTheOtherFields() throws {
        let original = "spec: {strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 30%, maxUnavailable: 30%}}}"
        let result = try patched(original, "spec: {strategy: {$retainKeys: [type], type: Recreate}}")
        #expect(result == (try yaml("spec: {strategy: {type: Recreate}}")))
    }

    @Test func retainKeysMustNameEveryPatchedField() throws {
        let original = "spec: {strategy: {type: RollingUpdate}}"
        let error = try failure(original, "spec: {strategy: {$retainKeys: [type], type: Recreate, rollingUpdate: {}}}")
        #expect(error?.kind == .malformedPatch)
        #expect(error?.statusCode == 400)
    }

    @Test func finalizersMergeAsASet() throws {
        let original = "metadata: {finalizers: [a, b]}"
        #expect(
            try patched(original, "metadata: {finalizers: [b, c]}") == (try yaml("metadata: {finalizers: [a, b, c]}")))
        #expect(try patched(original, "metadata: {finalizers: [c]}") == (try yaml("metadata: {finalizers: [c, a, b]}")))
        #expect(try patched(original, "metadata: {finalizers: []}") == (try yaml(original)))
    }

    /// strategic-merge-patch.md, "deleteFromPrimitiveList Directive".
    @Test func deleteFromPrimitiveListRemovesValues() throws {
        let result = try patched(
            "metadata: {finalizers: [a, b, c]}", "metadata: {$deleteFromPrimitiveList/finalizers: [b, c]}")
        #expect(result == (try yaml("metadata: {finalizers: [a]}")))
    }

    /// strategic-merge-patch.md, "setElementOrder Directive".
    @Test func setElementOrderReordersLists() throws {
        let finalizers = try patched(
            "metadata: {finalizers: [a, b, c]}", "metadata: {$setElementOrder/finalizers: [b, c, a]}")
        #expect(finalizers == (try yaml("metadata: {finalizers: [b, c, a]}")))

        let containers = try patched(
            twoContainers,
            """
            spec: {template: {spec: {$setElementOrder/containers: [{name: sidecar}, {name: runner}]}}}
            """)
        #expect(
            containers["spec"]?["template"]?["spec"]?["containers"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
                == ["sidecar", "runner"])
    }

    /// apimachinery's "merge lists of scalars": a server-only element keeps its place after the ordered ones.
    @Test func setElementOrderInterleavesServerOnlyElements() throws {
        let result = try patched(
            "metadata: {finalizers: [1, 2, 4]}", "metadata: {$setElementOrder/finalizers: [1, 2, 3], finalizers: [3]}")
        #expect(result == (try yaml("metadata: {finalizers: [1, 2, 3, 4]}")))
    }

    /// The env example of the "Preserve Order in Strategic Merge Patch" proposal, with the order kube-apiserver gives.
    @Test func setElementOrderWithDeletionsAndAdditions() throws {
        let original = """
            spec: {template: {spec: {containers: [{name: c, env: [
              {name: ENV2, value: bar}, {name: ENV5, value: server-added-2}, {name: ENV1, value: foo},
              {name: ENV3, value: baz}, {name: ENV4, value: server-added-1}]}]}}}
            """
        let patch = """
            spec: {template: {spec: {containers: [{name: c,
              $setElementOrder/env: [{name: ENV1}, {name: ENV2}, {name: ENV6}],
              env: [{name: ENV3, $patch: delete}, {name: ENV6, value: new-env}]}]}}}
            """
        let result = try patched(original, patch)
        #expect(
            result["spec"]?["template"]?["spec"]?["containers"]?[0]?["env"]?.arrayValue?.compactMap {
                $0["name"]?.stringValue
            }
                == ["ENV5", "ENV1", "ENV2", "ENV6", "ENV4"])
    }

    @Test func setElementOrderMustAgreeWithThePatchList() throws {
        let error = try failure(
            "metadata: {finalizers: [a, b]}", "metadata: {$setElementOrder/finalizers: [a, b], finalizers: [b, a]}")
        #expect(error?.kind == .mergeFailed)
    }

    @Test func directivesNeverReachTheResult() throws {
        let result = try patched(
            "spec: {}",
            """
            spec:
              template:
                metadata: {$retainKeys: [labels], labels: {a: b}}
                spec:
                  $setElementOrder/containers: [{name: one}]
                  containers:
                  - name: one
                    env: [{name: GONE, $patch: delete}, {name: KEPT, value: x, valueFrom: null}]
            """)
        #expect(
            result
                == (try yaml(
                    """
                    spec:
                      template:
                        metadata: {labels: {a: b}}
                        spec: {containers: [{name: one, env: [{name: KEPT, value: x}]}]}
                    """)))
        #expect(!JSONText.string(result).contains("$"))
    }

    @Test func conditionsMergeByType() throws {
        let original = "status: {conditions: [{type: Available, status: 'False'}, {type: Progressing, status: 'True'}]}"
        let result = try patched(original, "status: {conditions: [{type: Available, status: 'True'}]}")
        #expect(
            result
                == (try yaml(
                    "status: {conditions: [{type: Available, status: 'True'}, {type: Progressing, status: 'True'}]}")))
    }

    @Test func servicePortsMergeByPort() throws {
        let original = "spec: {selector: {app: a, tier: web}, ports: [{port: 80, targetPort: 8080}, {port: 443}]}"
        let result = try patched(
            original, "spec: {ports: [{port: 80, targetPort: 9090}], selector: {app: b}}", .service)
        #expect(
            result
                == (try yaml(
                    "spec: {selector: {app: b, tier: web}, ports: [{port: 80, targetPort: 9090}, {port: 443}]}")))
    }

    @Test func podDisruptionBudgetSelectorIsReplaced() throws {
        let original = "spec: {selector: {matchLabels: {app: a, tier: web}}}"
        let result = try patched(original, "spec: {selector: {matchLabels: {app: b}}}", .podDisruptionBudget)
        #expect(result == (try yaml("spec: {selector: {matchLabels: {app: b}}}")))
    }

    @Test func mapValuePathsFindTheirStrategies() throws {
        let semantics = ListSemantics(patchStrategies: [
            "spec.pools.{}.members": .init(mergeKey: "name", strategy: "merge")
        ])
        let result = try patched(
            "spec: {pools: {blue: {members: [{name: a, size: 1}]}}}",
            "spec: {pools: {blue: {members: [{name: a, size: 2}]}}}",
            semantics)
        #expect(result == (try yaml("spec: {pools: {blue: {members: [{name: a, size: 2}]}}}")))
    }

    @Test(arguments: [
        (
            "a merge list element without its merge key",
            "spec: {template: {spec: {containers: [{image: v2}]}}}", PatchError.Kind.mergeFailed
        ),
        ("an unknown $patch", "spec: {template: {$patch: merge}}", .mergeFailed),
        (
            "$patch: merge in a list", "spec: {template: {spec: {containers: [{name: runner, $patch: merge}]}}}",
            .mergeFailed
        ),
        ("$retainKeys that is not a list", "spec: {strategy: {$retainKeys: type}}", .malformedPatch),
        ("$setElementOrder that is not a list", "metadata: {$setElementOrder/finalizers: a}", .malformedPatch),
        (
            "$deleteFromPrimitiveList that is not a list", "metadata: {$deleteFromPrimitiveList/finalizers: a}",
            .malformedPatch
        ),
        ("a patch that is not an object", "[1]", .malformedPatch),
    ])
    func rejects(name: String, patch: String, kind: PatchError.Kind) throws {
        #expect(try failure(twoContainers, patch)?.kind == kind, "\(name)")
    }
}

@Suite struct BuiltinPatchStrategiesTests {
    @Test func declaresUpstreamMergeKeysAndListTypes() {
        let deployment = ListSemantics.deployment
        #expect(deployment.patchStrategy(at: "metadata.ownerReferences") == .init(mergeKey: "uid", strategy: "merge"))
        #expect(deployment.listType(at: "metadata.ownerReferences") == .map(keys: ["uid"]))
        #expect(deployment.isAtomicMap(at: "metadata.ownerReferences[]"))
        #expect(deployment.patchStrategy(at: "metadata.finalizers") == .init(strategy: "merge"))
        #expect(deployment.listType(at: "metadata.finalizers") == .set)

        let containers = "spec.template.spec.containers"
        #expect(deployment.patchStrategy(at: containers) == .init(mergeKey: "name", strategy: "merge"))
        #expect(deployment.listType(at: "\(containers)[].env") == .map(keys: ["name"]))
        #expect(
            deployment.patchStrategy(at: "\(containers)[].ports") == .init(mergeKey: "containerPort", strategy: "merge")
        )
        #expect(deployment.listType(at: "\(containers)[].ports") == .map(keys: ["containerPort", "protocol"]))
        #expect(deployment.patchStrategy(at: "\(containers)[].volumeMounts")?.mergeKey == "mountPath")
        #expect(deployment.patchStrategy(at: "spec.template.spec.initContainers")?.mergeKey == "name")
        #expect(
            deployment.patchStrategy(at: "spec.template.spec.volumes")
                == .init(mergeKey: "name", strategy: "merge,retainKeys"))
        #expect(deployment.patchStrategy(at: "spec.template.spec.imagePullSecrets")?.mergeKey == "name")
        #expect(deployment.patchStrategy(at: "spec.template.spec.tolerations") == nil)
        #expect(deployment.listType(at: "spec.template.spec.tolerations") == .atomic)
        #expect(deployment.isAtomicMap(at: "spec.selector"))
        #expect(deployment.patchStrategy(at: "status.conditions")?.mergeKey == "type")

        #expect(ListSemantics.service.patchStrategy(at: "spec.ports")?.mergeKey == "port")
        #expect(ListSemantics.service.listType(at: "spec.ports") == .map(keys: ["port", "protocol"]))
        #expect(ListSemantics.service.isAtomicMap(at: "spec.selector"))
        #expect(ListSemantics.podDisruptionBudget.patchStrategy(at: "status.conditions")?.mergeKey == "type")
        #expect(ListSemantics.horizontalPodAutoscaler.listType(at: "spec.metrics") == .atomic)
        #expect(ListSemantics.horizontalPodAutoscaler.patchStrategy(at: "spec.metrics") == nil)
        #expect(ListSemantics.horizontalPodAutoscaler.patchStrategy(at: "status.conditions")?.mergeKey == "type")
    }

    @Test func findsBuiltinKindsByGroupAndKind() {
        #expect(ListSemantics.builtin(group: "apps", kind: "Deployment") == .deployment)
        #expect(ListSemantics.builtin(group: "", kind: "Service") == .service)
        #expect(
            ListSemantics.builtin(group: "autoscaling", kind: "HorizontalPodAutoscaler") == .horizontalPodAutoscaler)
        #expect(ListSemantics.builtin(group: "policy", kind: "PodDisruptionBudget") == .podDisruptionBudget)
        #expect(ListSemantics.builtin(group: "", kind: "ConfigMap") == .configMap)
        #expect(ListSemantics.builtin(group: "ensemble.dev", kind: "AgentTeam") == nil)
    }
}
