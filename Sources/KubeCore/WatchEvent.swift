/// One event of a watch stream.
public enum WatchEvent<Object: Decodable & Sendable>: Sendable {
    case added(Object)
    case modified(Object)
    case deleted(Object)
    /// The server has sent every change up to `resourceVersion`; resume a watch from there.
    case bookmark(resourceVersion: String)
    /// The server ended the watch with an error, such as 410 Gone when the resource version is too old.
    case error(Status)

    /// The object of an added, modified or deleted event.
    public var object: Object? {
        switch self {
        case .added(let object), .modified(let object), .deleted(let object): object
        case .bookmark, .error: nil
        }
    }
}

extension WatchEvent: Equatable where Object: Equatable {}
extension WatchEvent: Hashable where Object: Hashable {}

extension WatchEvent: Decodable {
    private enum CodingKeys: String, CodingKey {
        case type, object
    }

    /// The object of a BOOKMARK event: only its `metadata.resourceVersion` is meaningful.
    private struct BookmarkObject: Decodable {
        struct Metadata: Decodable { var resourceVersion: String }
        var metadata: Metadata
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        switch type {
        case "ADDED": self = .added(try container.decode(Object.self, forKey: .object))
        case "MODIFIED": self = .modified(try container.decode(Object.self, forKey: .object))
        case "DELETED": self = .deleted(try container.decode(Object.self, forKey: .object))
        case "BOOKMARK":
            let bookmark = try container.decode(BookmarkObject.self, forKey: .object)
            self = .bookmark(resourceVersion: bookmark.metadata.resourceVersion)
        case "ERROR": self = .error(try container.decode(Status.self, forKey: .object))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container, debugDescription: "unknown watch event type \"\(type)\"")
        }
    }
}
