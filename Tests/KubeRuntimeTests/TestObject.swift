import KubeRuntime

/// A minimal cached object for tests: metadata plus one value standing for its spec.
struct TestObject: RuntimeObject, Hashable {
    var namespace: String?
    var name: String
    var uid: String
    var resourceVersion: String
    var labels: [String: String] = [:]
    var ownerReferences: [OwnerReference] = []
    var value: Int = 0

    init(
        _ namespace: String?, _ name: String, rv: Int = 1, value: Int = 0, labels: [String: String] = [:],
        owners: [OwnerReference] = []
    ) {
        self.namespace = namespace
        self.name = name
        uid = "uid-\(namespace ?? "")-\(name)"
        resourceVersion = String(rv)
        self.labels = labels
        ownerReferences = owners
        self.value = value
    }
}
