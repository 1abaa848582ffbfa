import EnsembleSupport

/// One RFC 6902 operation. Paths are JSON pointers (`/metadata/finalizers/0`; `~1` stands for `/`).
public struct JSONPatchOperation: Sendable, Hashable {
    public var op: String
    public var path: String
    public var value: JSONValue?
    public var from: String?

    public init(op: String, path: String, value: JSONValue? = nil, from: String? = nil) {
        self.op = op
        self.path = path
        self.value = value
        self.from = from
    }

    public static func add(_ path: String, _ value: JSONValue) -> Self { Self(op: "add", path: path, value: value) }
    public static func remove(_ path: String) -> Self { Self(op: "remove", path: path) }
    public static func replace(_ path: String, _ value: JSONValue) -> Self { Self(op: "replace", path: path, value: value) }
    /// Fails the whole patch unless the value at `path` equals `value`: optimistic concurrency on one field.
    public static func test(_ path: String, _ value: JSONValue) -> Self { Self(op: "test", path: path, value: value) }
    public static func move(from: String, to path: String) -> Self { Self(op: "move", path: path, from: from) }
    public static func copy(from: String, to path: String) -> Self { Self(op: "copy", path: path, from: from) }

    var jsonValue: JSONValue {
        var object: JSONValue = ["op": .string(op), "path": .string(path)]
        if let value { object["value"] = value }
        if let from { object["from"] = .string(from) }
        return object
    }
}
