import EnsembleSupport

/// One entry of `metadata.managedFields`: the fields one manager owns through one kind of operation.
public struct ManagedFieldsEntry: Sendable, Hashable {
    public enum Operation: String, Sendable, Hashable {
        case apply = "Apply"
        case update = "Update"
    }

    /// What makes two entries the same entry: an applier keeps one entry whatever version it applies, an updater
    /// gets one per API version (the apiserver's manager identifier).
    public struct Identity: Sendable, Hashable {
        public var manager: String
        public var operation: Operation
        /// nil for appliers.
        public var apiVersion: String?
        public var subresource: String?

        public init(manager: String, operation: Operation, apiVersion: String?, subresource: String?) {
            self.manager = manager
            self.operation = operation
            self.apiVersion = operation == .apply ? nil : apiVersion
            self.subresource = subresource
        }

        /// How the apiserver names the manager in conflicts: `"kubectl"`, `"hpa" using apps/v1`,
        /// `"ensemble" with subresource "status"`.
        public var conflictDescription: String {
            var text = JSONText.string(.string(manager))
            if let subresource {
                text += " with subresource \(JSONText.string(.string(subresource)))"
            }
            if operation == .update, let apiVersion {
                text += " using \(apiVersion)"
            }
            return text
        }

        /// The JSON manager identifier the apiserver sorts conflicting managers by.
        var sortKey: String {
            var members: [String] = ["\"manager\":\(JSONText.string(.string(manager)))"]
            members.append("\"operation\":\"\(operation.rawValue)\"")
            if let apiVersion { members.append("\"apiVersion\":\(JSONText.string(.string(apiVersion)))") }
            if let subresource { members.append("\"subresource\":\(JSONText.string(.string(subresource)))") }
            return "{\(members.joined(separator: ","))}"
        }
    }

    public static let fieldsType = "FieldsV1"

    public var manager: String
    public var operation: Operation
    public var apiVersion: String
    /// RFC 3339, as `metav1.Time` writes it.
    public var time: String?
    public var fields: FieldSet
    public var subresource: String?

    public init(
        manager: String, operation: Operation, apiVersion: String, time: String?, fields: FieldSet,
        subresource: String? = nil
    ) {
        self.manager = manager
        self.operation = operation
        self.apiVersion = apiVersion
        self.time = time
        self.fields = fields
        self.subresource = subresource
    }

    /// Reads one entry, with the checks the apiserver makes when it decodes managed fields.
    public init(json: JSONValue) throws(ManagedFieldsError) {
        guard case .object = json else { throw ManagedFieldsError("a managed fields entry must be an object") }
        guard let operation = json["operation"]?.stringValue.flatMap(Operation.init(rawValue:)) else {
            throw ManagedFieldsError("operation must be `Apply` or `Update`")
        }
        guard let apiVersion = json["apiVersion"]?.stringValue, !apiVersion.isEmpty else {
            throw ManagedFieldsError("apiVersion must not be empty")
        }
        switch json["fieldsType"]?.stringValue {
        case Self.fieldsType?: break
        case nil, ""?: throw ManagedFieldsError("missing fieldsType in managed fields entry")
        case let other?: throw ManagedFieldsError("invalid fieldsType \(JSONText.string(.string(other))) in managed fields entry")
        }
        do {
            fields = try FieldSet(fieldsV1: json["fieldsV1"] ?? .object([:]))
        } catch {
            throw ManagedFieldsError("error decoding fieldsV1 of managed fields entry: \(error)")
        }
        self.operation = operation
        self.apiVersion = apiVersion
        manager = json["manager"]?.stringValue ?? ""
        time = json["time"]?.stringValue
        subresource = json["subresource"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
    }

    public var identity: Identity {
        Identity(manager: manager, operation: operation, apiVersion: apiVersion, subresource: subresource)
    }

    public var json: JSONValue {
        var members: [String: JSONValue] = [
            "manager": .string(manager),
            "operation": .string(operation.rawValue),
            "apiVersion": .string(apiVersion),
            "fieldsType": .string(Self.fieldsType),
            "fieldsV1": fields.fieldsV1,
        ]
        if let time { members["time"] = .string(time) }
        if let subresource { members["subresource"] = .string(subresource) }
        return .object(members)
    }
}
