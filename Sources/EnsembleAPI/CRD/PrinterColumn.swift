import EnsembleSupport

/// A column `kubectl get` shows for a custom resource.
public struct PrinterColumn: Sendable, Hashable {
    public enum ColumnType: String, Sendable, Hashable {
        case string, integer, number, boolean, date
    }

    public var name: String
    public var type: ColumnType
    public var jsonPath: String
    public var description: String
    /// 0 shows the column always; 1 only with `-o wide`.
    public var priority: Int

    public init(_ name: String, _ type: ColumnType, _ jsonPath: String, _ description: String, priority: Int = 0) {
        self.name = name
        self.type = type
        self.jsonPath = jsonPath
        self.description = description
        self.priority = priority
    }

    public static let age = PrinterColumn(
        "Age", .date, ".metadata.creationTimestamp", "Time since the object was created.")

    public var jsonValue: JSONValue {
        var column: [String: JSONValue] = [
            "name": .string(name), "type": .string(type.rawValue), "jsonPath": .string(jsonPath),
            "description": .string(description),
        ]
        if priority != 0 { column["priority"] = .integer(Int64(priority)) }
        return .object(column)
    }
}
