import EnsembleSupport
import Testing
import KubeRuntime

@Suite struct FinalizerHelperTests {
    let helper = FinalizerHelper(finalizer: "ensemble.dev/cleanup")

    @Test func addingToAnObjectWithoutFinalizersTestsForTheirAbsence() {
        let metadata: JSONValue = ["name": "t", "resourceVersion": "4"]
        #expect(helper.additionPatch(metadata: metadata) == [
            .test(path: "/metadata/finalizers", value: .null),
            .add(path: "/metadata/finalizers", value: ["ensemble.dev/cleanup"]),
        ])
        #expect(helper.step(for: metadata) == .addFinalizer(helper.additionPatch(metadata: metadata)!))
    }

    @Test func addingNextToOtherFinalizersTestsTheWholeList() {
        let metadata: JSONValue = ["finalizers": ["other.io/x"]]
        let patch = helper.additionPatch(metadata: metadata)
        #expect(patch == [
            .test(path: "/metadata/finalizers", value: ["other.io/x"]),
            .add(path: "/metadata/finalizers/-", value: "ensemble.dev/cleanup"),
        ])
        #expect(JSONPatchOperation.document(patch!) == [
            ["op": "test", "path": "/metadata/finalizers", "value": ["other.io/x"]],
            ["op": "add", "path": "/metadata/finalizers/-", "value": "ensemble.dev/cleanup"],
        ])
    }

    @Test func nothingToAddWhenPresent() {
        let metadata: JSONValue = ["finalizers": ["ensemble.dev/cleanup"]]
        #expect(helper.additionPatch(metadata: metadata) == nil)
        #expect(helper.step(for: metadata) == .apply)
    }

    @Test func removalTestsTheEntryAtItsIndex() {
        let metadata: JSONValue = [
            "finalizers": ["a.io/x", "ensemble.dev/cleanup", "b.io/y"], "deletionTimestamp": "2026-01-01T00:00:00Z",
        ]
        let removal: [JSONPatchOperation] = [
            .test(path: "/metadata/finalizers/1", value: "ensemble.dev/cleanup"),
            .remove(path: "/metadata/finalizers/1"),
        ]
        #expect(helper.removalPatch(metadata: metadata) == removal)
        #expect(helper.step(for: metadata) == .cleanUp(removal: removal))
    }

    @Test func deletingWithoutOurFinalizerNeedsNothing() {
        let metadata: JSONValue = ["finalizers": ["a.io/x"], "deletionTimestamp": "2026-01-01T00:00:00Z"]
        #expect(helper.removalPatch(metadata: metadata) == nil)
        #expect(helper.step(for: metadata) == .none)
    }
}
