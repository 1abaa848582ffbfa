import EnsembleSupport
import KubeRuntime

/// An object of any resource, custom ones included, as JSON, with its metadata read for the runtime.
public struct DynamicObject: RuntimeObject, Hashable {
    public var json: JSONValue

    public init(_ json: JSONValue) {
        self.json = json
    }

    private var metadata: JSONValue? { json["metadata"] }

    public var namespace: String? { metadata?["namespace"]?.stringValue }
    public var name: String { metadata?["name"]?.stringValue ?? "" }
    public var uid: String { metadata?["uid"]?.stringValue ?? "" }
    public var resourceVersion: String { metadata?["resourceVersion"]?.stringValue ?? "" }

    public var labels: [String: String] {
        (metadata?["labels"]?.objectValue ?? [:]).compactMapValues(\.stringValue)
    }

    public var ownerReferences: [OwnerReference] {
        (metadata?["ownerReferences"]?.arrayValue ?? []).compactMap { reference in
            guard let apiVersion = reference["apiVersion"]?.stringValue, let kind = reference["kind"]?.stringValue,
                let name = reference["name"]?.stringValue, let uid = reference["uid"]?.stringValue
            else { return nil }
            return OwnerReference(
                apiVersion: apiVersion, kind: kind, name: name, uid: uid,
                controller: reference["controller"]?.boolValue ?? false)
        }
    }
}
