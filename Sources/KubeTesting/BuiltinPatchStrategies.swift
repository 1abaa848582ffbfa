/// The list semantics upstream `k8s.io/api` declares for the built-in kinds Ensemble uses: the strategic merge patch
/// markers (`+patchMergeKey`, `+patchStrategy`) and the server-side apply ones (`+listType`, `+listMapKey`,
/// `+mapType`, `+structType`), transcribed from `core/v1`, `apps/v1`, `policy/v1`, `autoscaling/v2` and
/// `meta/v1` `types.go`. Lists not named here are atomic and have no merge key, as upstream's defaults say.
extension ListSemantics {
    /// `metav1.ObjectMeta` alone, at `metadata`.
    public static let objectMeta = BuiltinFields.semantics { $0.objectMeta(at: "metadata") }

    public static let configMap = objectMeta
    public static let secret = objectMeta
    public static let lease = objectMeta

    public static let serviceAccount = BuiltinFields.semantics { fields in
        fields.objectMeta(at: "metadata")
        fields.patchStrategies["secrets"] = PatchStrategy(mergeKey: "name", strategy: "merge")
    }

    public static let deployment = BuiltinFields.semantics { fields in
        fields.objectMeta(at: "metadata")
        fields.labelSelector(at: "spec.selector")
        fields.patchStrategies["spec.strategy"] = PatchStrategy(strategy: "retainKeys")
        fields.podTemplate(at: "spec.template")
        fields.conditions(at: "status.conditions")
    }

    public static let service = BuiltinFields.semantics { fields in
        fields.objectMeta(at: "metadata")
        fields.keyedList("spec.ports", mergeKey: "port", mapKeys: ["port", "protocol"])
        fields.atomicMaps.insert("spec.selector")
        for list in ["spec.clusterIPs", "spec.externalIPs", "spec.loadBalancerSourceRanges"] {
            fields.listTypes[list] = .atomic
        }
        fields.conditions(at: "status.conditions")
        fields.listTypes["status.loadBalancer.ingress"] = .atomic
        fields.listTypes["status.loadBalancer.ingress[].ports"] = .atomic
    }

    public static let podDisruptionBudget = BuiltinFields.semantics { fields in
        fields.objectMeta(at: "metadata")
        fields.labelSelector(at: "spec.selector")
        fields.patchStrategies["spec.selector"] = PatchStrategy(strategy: "replace")
        fields.conditions(at: "status.conditions")
    }

    /// `autoscaling/v2`.
    public static let horizontalPodAutoscaler = BuiltinFields.semantics { fields in
        fields.objectMeta(at: "metadata")
        fields.listTypes["spec.metrics"] = .atomic
        fields.listTypes["spec.behavior.scaleUp.policies"] = .atomic
        fields.listTypes["spec.behavior.scaleDown.policies"] = .atomic
        fields.listTypes["status.currentMetrics"] = .atomic
        fields.conditions(at: "status.conditions")
    }

    /// The semantics of a built-in kind by API group (`""` for the core group) and kind; nil for kinds without
    /// built-in semantics, such as custom resources, which kube-apiserver does not strategic-merge-patch.
    public static func builtin(group: String, kind: String) -> ListSemantics? {
        switch (group, kind) {
        case ("apps", "Deployment"): deployment
        case ("", "Service"): service
        case ("", "ConfigMap"): configMap
        case ("", "Secret"): secret
        case ("", "ServiceAccount"): serviceAccount
        case ("coordination.k8s.io", "Lease"): lease
        case ("policy", "PodDisruptionBudget"): podDisruptionBudget
        case ("autoscaling", "HorizontalPodAutoscaler"): horizontalPodAutoscaler
        default: nil
        }
    }
}

/// Collects the markers of built-in types, field by field.
private struct BuiltinFields {
    var listTypes: [String: ListSemantics.ListType] = [:]
    var atomicMaps: Set<String> = []
    var patchStrategies: [String: ListSemantics.PatchStrategy] = [:]

    static func semantics(_ declare: (inout BuiltinFields) -> Void) -> ListSemantics {
        var fields = BuiltinFields()
        declare(&fields)
        return ListSemantics(
            listTypes: fields.listTypes, atomicMaps: fields.atomicMaps, patchStrategies: fields.patchStrategies)
    }

    /// `+patchMergeKey=<mergeKey> +patchStrategy=<strategy> +listType=map +listMapKey=<mapKeys…>`.
    mutating func keyedList(_ path: String, mergeKey: String, mapKeys: [String]? = nil, strategy: String = "merge") {
        patchStrategies[path] = ListSemantics.PatchStrategy(mergeKey: mergeKey, strategy: strategy)
        listTypes[path] = .map(keys: mapKeys ?? [mergeKey])
    }

    mutating func objectMeta(at path: String) {
        keyedList(ListSemantics.child(path, "ownerReferences"), mergeKey: "uid")
        atomicMaps.insert(ListSemantics.element(ListSemantics.child(path, "ownerReferences")))
        patchStrategies[ListSemantics.child(path, "finalizers")] = ListSemantics.PatchStrategy(strategy: "merge")
        listTypes[ListSemantics.child(path, "finalizers")] = .set
        listTypes[ListSemantics.child(path, "managedFields")] = .atomic
    }

    /// `metav1.LabelSelector`, a `+structType=atomic` struct.
    mutating func labelSelector(at path: String) {
        atomicMaps.insert(path)
        listTypes[ListSemantics.child(path, "matchExpressions")] = .atomic
    }

    mutating func conditions(at path: String) {
        keyedList(path, mergeKey: "type")
    }

    mutating func podTemplate(at path: String) {
        objectMeta(at: ListSemantics.child(path, "metadata"))
        podSpec(at: ListSemantics.child(path, "spec"))
    }

    mutating func podSpec(at path: String) {
        func field(_ name: String) -> String { ListSemantics.child(path, name) }
        keyedList(field("volumes"), mergeKey: "name", strategy: "merge,retainKeys")
        keyedList(field("initContainers"), mergeKey: "name")
        container(at: ListSemantics.element(field("initContainers")))
        keyedList(field("containers"), mergeKey: "name")
        container(at: ListSemantics.element(field("containers")))
        keyedList(field("ephemeralContainers"), mergeKey: "name")
        keyedList(field("imagePullSecrets"), mergeKey: "name")
        listTypes[field("tolerations")] = .atomic
        keyedList(field("hostAliases"), mergeKey: "ip")
        keyedList(
            field("topologySpreadConstraints"), mergeKey: "topologyKey", mapKeys: ["topologyKey", "whenUnsatisfiable"])
        labelSelector(
            at: ListSemantics.child(ListSemantics.element(field("topologySpreadConstraints")), "labelSelector"))
        listTypes[field("readinessGates")] = .atomic
        keyedList(field("schedulingGates"), mergeKey: "name")
        keyedList(field("resourceClaims"), mergeKey: "name", strategy: "merge,retainKeys")
        atomicMaps.insert(field("nodeSelector"))
    }

    mutating func container(at path: String) {
        func field(_ name: String) -> String { ListSemantics.child(path, name) }
        listTypes[field("command")] = .atomic
        listTypes[field("args")] = .atomic
        keyedList(field("ports"), mergeKey: "containerPort", mapKeys: ["containerPort", "protocol"])
        listTypes[field("envFrom")] = .atomic
        keyedList(field("env"), mergeKey: "name")
        listTypes[field("resizePolicy")] = .atomic
        keyedList(field("volumeMounts"), mergeKey: "mountPath")
        keyedList(field("volumeDevices"), mergeKey: "devicePath")
        listTypes[field("resources.claims")] = .map(keys: ["name"])
        listTypes[field("securityContext.capabilities.add")] = .atomic
        listTypes[field("securityContext.capabilities.drop")] = .atomic
    }
}
