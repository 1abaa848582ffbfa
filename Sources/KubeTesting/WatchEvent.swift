import EnsembleSupport

/// A change recorded in the emulator's history, as a watch reports it.
struct WatchEvent: Sendable {
    enum Kind: String, Sendable {
        case added = "ADDED", modified = "MODIFIED", deleted = "DELETED"
    }

    let kind: Kind
    let resource: String
    let namespace: String
    let revision: Int64
    let object: JSONValue
    /// The object before the change, to tell whether it entered or left a watch's selector.
    let previous: JSONValue?
}
