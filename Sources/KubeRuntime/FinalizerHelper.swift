import EnsembleSupport

/// The finalizer protocol of kube-rs' `finalizer` helper, as pure functions over an object's `metadata`.
///
/// Patches carry `test` operations on exactly what they assume, so a concurrent edit of the finalizer list makes
/// the API server reject them (422) rather than lose someone else's finalizer; re-read and retry then.
/// Guarantees, when the controller follows `step(for:)`: the finalizer is in place before any reconcile acts on
/// the object, and it is removed only after cleanup succeeded, so cleanup runs at least once per deletion.
public struct FinalizerHelper: Sendable, Hashable {
    public let finalizer: String

    public enum Step: Sendable, Hashable {
        /// Add the finalizer with the patch before doing anything else.
        case addFinalizer([JSONPatchOperation])
        /// Reconcile the live object normally.
        case apply
        /// The object is being deleted and still holds the finalizer: clean up, then remove it with the patch.
        case cleanUp(removal: [JSONPatchOperation])
        /// Being deleted without our finalizer: nothing is left to do.
        case none
    }

    public init(finalizer: String) {
        self.finalizer = finalizer
    }

    public func step(for metadata: JSONValue) -> Step {
        let isDeleting = !(metadata["deletionTimestamp"]?.isNull ?? true)
        switch (isDeleting, removalPatch(metadata: metadata)) {
        case (true, let removal?): return .cleanUp(removal: removal)
        case (true, nil): return .none
        case (false, _):
            if let addition = additionPatch(metadata: metadata) {
                return .addFinalizer(addition)
            }
            return .apply
        }
    }

    /// Adds the finalizer; nil when it is already present.
    public func additionPatch(metadata: JSONValue) -> [JSONPatchOperation]? {
        let current = finalizers(in: metadata)
        guard !current.contains(finalizer) else { return nil }
        guard !current.isEmpty else {
            // Testing for null also matches an absent field, so this fails if anyone added a list meanwhile.
            return [
                .test(path: "/metadata/finalizers", value: .null),
                .add(path: "/metadata/finalizers", value: [.string(finalizer)]),
            ]
        }
        return [
            .test(path: "/metadata/finalizers", value: .array(current.map(JSONValue.string))),
            .add(path: "/metadata/finalizers/-", value: .string(finalizer)),
        ]
    }

    /// Removes the finalizer at its current position; nil when it is absent.
    public func removalPatch(metadata: JSONValue) -> [JSONPatchOperation]? {
        guard let index = finalizers(in: metadata).firstIndex(of: finalizer) else { return nil }
        let path = "/metadata/finalizers/\(index)"
        return [.test(path: path, value: .string(finalizer)), .remove(path: path)]
    }

    private func finalizers(in metadata: JSONValue) -> [String] {
        metadata["finalizers"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }
}
