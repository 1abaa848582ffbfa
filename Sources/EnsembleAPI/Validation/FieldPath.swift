/// The path of a field in an object, written as the API server writes it: `spec.agents[1].model`.
public struct FieldPath: Sendable, Hashable, CustomStringConvertible {
    public let description: String

    public init(_ root: String) {
        description = root
    }

    public func child(_ name: String) -> FieldPath {
        FieldPath(description.isEmpty ? name : "\(description).\(name)")
    }

    public func index(_ index: Int) -> FieldPath {
        FieldPath("\(description)[\(index)]")
    }

    public func key(_ key: String) -> FieldPath {
        FieldPath("\(description)[\(key)]")
    }

    /// `path` as a CEL rule's `fieldPath` writes it relative to this node, such as `.runner.replicas`.
    public func appending(relative path: String) -> FieldPath {
        let relative = path.hasPrefix(".") ? String(path.dropFirst()) : path
        if description.isEmpty { return FieldPath(relative) }
        return FieldPath(description + (relative.hasPrefix("[") ? relative : "." + relative))
    }
}
