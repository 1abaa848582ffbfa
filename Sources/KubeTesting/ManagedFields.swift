import EnsembleSupport

/// The `metadata.managedFields` of an object: who owns which fields.
public struct ManagedFields: Sendable, Hashable {
    public private(set) var entries: [ManagedFieldsEntry]

    public init(_ entries: [ManagedFieldsEntry] = []) {
        self.entries = entries
    }

    /// Reads `metadata.managedFields` of an object; an object without them has none.
    public init(of object: JSONValue) throws(ManagedFieldsError) {
        guard let encoded = object["metadata"]?["managedFields"], encoded != .null else {
            self.init()
            return
        }
        guard case .array(let items) = encoded else { throw ManagedFieldsError("managedFields must be a list") }
        var entries: [ManagedFieldsEntry] = []
        for item in items {
            entries.append(try ManagedFieldsEntry(json: item))
        }
        self.init(entries)
    }

    public var isEmpty: Bool { entries.isEmpty }

    public subscript(identity: ManagedFieldsEntry.Identity) -> ManagedFieldsEntry? {
        entries.first { $0.identity == identity }
    }

    /// Whether a request's `managedFields` ask the apiserver to drop all managed fields: an empty list, or a list
    /// holding one empty entry.
    public static func isReset(_ requested: JSONValue?) -> Bool {
        guard case .array(let items)? = requested else { return false }
        return items.isEmpty || items == [.object([:])]
    }

    /// The entries in the apiserver's order: appliers first, then by time, manager, API version and subresource.
    public var json: JSONValue {
        .array(sortedEntries.map(\.json))
    }

    /// The object with these managed fields written to `metadata.managedFields`, or removed when there are none.
    public func written(to object: JSONValue) -> JSONValue {
        var object = object
        var metadata = object["metadata"] ?? .object([:])
        metadata["managedFields"] = isEmpty ? JSONValue?.none : json
        object["metadata"] = metadata
        return object
    }

    /// The same owners and fields, ignoring when they were last written.
    func isEquivalent(to other: ManagedFields) -> Bool {
        func timeless(_ fields: ManagedFields) -> Set<ManagedFieldsEntry> {
            Set(fields.entries.map { entry in
                var entry = entry
                entry.time = nil
                return entry
            })
        }
        return timeless(self) == timeless(other)
    }

    /// Replaces the entry with the same identity, or adds it; an entry without fields is removed.
    mutating func set(_ entry: ManagedFieldsEntry) {
        entries.removeAll { $0.identity == entry.identity }
        if !entry.fields.isEmpty {
            entries.append(entry)
        }
    }

    /// Applies `transform` to the fields of every entry except `excluded`, dropping entries left without fields.
    mutating func updateFields(
        except excluded: ManagedFieldsEntry.Identity?, _ transform: (ManagedFieldsEntry) -> FieldSet
    ) {
        entries = entries.compactMap { entry in
            guard entry.identity != excluded else { return entry }
            var entry = entry
            entry.fields = transform(entry)
            return entry.fields.isEmpty ? nil : entry
        }
    }

    private var sortedEntries: [ManagedFieldsEntry] {
        entries.sorted { lhs, rhs in
            let left = [lhs.operation.rawValue, lhs.time ?? "", lhs.manager, lhs.apiVersion, lhs.subresource ?? ""]
            let right = [rhs.operation.rawValue, rhs.time ?? "", rhs.manager, rhs.apiVersion, rhs.subresource ?? ""]
            return left.lexicographicallyPrecedes(right)
        }
    }
}
