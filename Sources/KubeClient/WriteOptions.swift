/// Options of create, update and patch requests.
public struct WriteOptions: Sendable, Hashable {
    /// Recorded in `managedFields` as the writer.
    public var fieldManager: String?
    /// Validate and answer without persisting.
    public var dryRun: Bool

    public init(fieldManager: String? = nil, dryRun: Bool = false) {
        self.fieldManager = fieldManager
        self.dryRun = dryRun
    }

    var queryItems: [QueryItem] {
        [QueryItem("fieldManager", fieldManager), dryRun ? QueryItem("dryRun", "All") : nil].compactMap { $0 }
    }
}
