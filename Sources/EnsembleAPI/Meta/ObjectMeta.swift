/// The part of `metav1.ObjectMeta` the Ensemble API reads and writes.
///
/// Fields it does not hold (`managedFields`) are left out when an object is encoded, which leaves them unchanged
/// on the server.
public struct ObjectMeta: Sendable, Hashable, Codable {
    public var name: String?
    public var generateName: String?
    public var namespace: String?
    public var uid: String?
    public var resourceVersion: String?
    public var generation: Int64?
    public var creationTimestamp: Timestamp?
    public var deletionTimestamp: Timestamp?
    public var deletionGracePeriodSeconds: Int64?
    public var labels: [String: String]?
    public var annotations: [String: String]?
    public var ownerReferences: [OwnerReference]?
    public var finalizers: [String]?

    public init(
        name: String? = nil, generateName: String? = nil, namespace: String? = nil, uid: String? = nil,
        resourceVersion: String? = nil, generation: Int64? = nil, creationTimestamp: Timestamp? = nil,
        deletionTimestamp: Timestamp? = nil, deletionGracePeriodSeconds: Int64? = nil,
        labels: [String: String]? = nil, annotations: [String: String]? = nil,
        ownerReferences: [OwnerReference]? = nil, finalizers: [String]? = nil
    ) {
        self.name = name
        self.generateName = generateName
        self.namespace = namespace
        self.uid = uid
        self.resourceVersion = resourceVersion
        self.generation = generation
        self.creationTimestamp = creationTimestamp
        self.deletionTimestamp = deletionTimestamp
        self.deletionGracePeriodSeconds = deletionGracePeriodSeconds
        self.labels = labels
        self.annotations = annotations
        self.ownerReferences = ownerReferences
        self.finalizers = finalizers
    }
}

extension ObjectMeta: SchemaDescribed {
    /// The API server validates metadata itself; a CRD may only declare it as an object and constrain
    /// `name` and `generateName`. Even a description is refused ("must not specify anything other than name and
    /// generateName"), so `kubectl explain` shows the built-in ObjectMeta documentation instead.
    public static var schema: Schema {
        .object("", properties: [:])
    }
}
