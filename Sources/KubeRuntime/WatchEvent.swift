/// One event of a watch stream.
public enum WatchEvent<Object: RuntimeObject>: Sendable {
    case added(Object)
    case modified(Object)
    case deleted(Object)
    /// The server has sent every change up to `resourceVersion`; nothing to apply.
    case bookmark(resourceVersion: String)
    /// An ERROR event carrying a Status; code 410 means the watched resourceVersion is too old.
    case error(code: Int, message: String)
}
