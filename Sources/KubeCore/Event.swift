import EnsembleSupport

/// An `events.k8s.io/v1` Event.
public struct Event: Codable, Sendable, Hashable {
    public var apiVersion: String = Event.apiVersion
    public var kind: String = Event.kind
    public var metadata: ObjectMeta
    public var eventTime: MicroTime?
    public var series: EventSeries?
    public var reportingController: String?
    public var reportingInstance: String?
    public var action: String?
    public var reason: String?
    public var regarding: ObjectReference?
    public var related: ObjectReference?
    public var note: String?
    /// `Normal` or `Warning`.
    public var `type`: String?
    public var deprecatedSource: JSONValue?
    public var deprecatedFirstTimestamp: Time?
    public var deprecatedLastTimestamp: Time?
    public var deprecatedCount: Int32?

    public init(
        metadata: ObjectMeta = ObjectMeta(), eventTime: MicroTime? = nil, series: EventSeries? = nil,
        reportingController: String? = nil, reportingInstance: String? = nil, action: String? = nil,
        reason: String? = nil, regarding: ObjectReference? = nil, related: ObjectReference? = nil,
        note: String? = nil, type: String? = nil, deprecatedSource: JSONValue? = nil,
        deprecatedFirstTimestamp: Time? = nil, deprecatedLastTimestamp: Time? = nil, deprecatedCount: Int32? = nil
    ) {
        self.metadata = metadata
        self.eventTime = eventTime
        self.series = series
        self.reportingController = reportingController
        self.reportingInstance = reportingInstance
        self.action = action
        self.reason = reason
        self.regarding = regarding
        self.related = related
        self.note = note
        self.type = `type`
        self.deprecatedSource = deprecatedSource
        self.deprecatedFirstTimestamp = deprecatedFirstTimestamp
        self.deprecatedLastTimestamp = deprecatedLastTimestamp
        self.deprecatedCount = deprecatedCount
    }

    private enum CodingKeys: String, CodingKey {
        case apiVersion, kind, metadata, eventTime, series, reportingController, reportingInstance, action, reason, regarding, related, note, `type`, deprecatedSource, deprecatedFirstTimestamp, deprecatedLastTimestamp, deprecatedCount
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.apiVersion = try container.decodeIfPresent(String.self, forKey: .apiVersion) ?? Event.apiVersion
        self.kind = try container.decodeIfPresent(String.self, forKey: .kind) ?? Event.kind
        self.metadata = try container.decodeIfPresent(ObjectMeta.self, forKey: .metadata) ?? ObjectMeta()
        self.eventTime = try container.decodeIfPresent(MicroTime.self, forKey: .eventTime)
        self.series = try container.decodeIfPresent(EventSeries.self, forKey: .series)
        self.reportingController = try container.decodeIfPresent(String.self, forKey: .reportingController)
        self.reportingInstance = try container.decodeIfPresent(String.self, forKey: .reportingInstance)
        self.action = try container.decodeIfPresent(String.self, forKey: .action)
        self.reason = try container.decodeIfPresent(String.self, forKey: .reason)
        self.regarding = try container.decodeIfPresent(ObjectReference.self, forKey: .regarding)
        self.related = try container.decodeIfPresent(ObjectReference.self, forKey: .related)
        self.note = try container.decodeIfPresent(String.self, forKey: .note)
        self.type = try container.decodeIfPresent(String.self, forKey: .type)
        self.deprecatedSource = try container.decodeIfPresent(JSONValue.self, forKey: .deprecatedSource)
        self.deprecatedFirstTimestamp = try container.decodeIfPresent(Time.self, forKey: .deprecatedFirstTimestamp)
        self.deprecatedLastTimestamp = try container.decodeIfPresent(Time.self, forKey: .deprecatedLastTimestamp)
        self.deprecatedCount = try container.decodeIfPresent(Int32.self, forKey: .deprecatedCount)
    }
}

extension Event: KubernetesObject {
    public static let resource = GroupVersionResource(group: "events.k8s.io", version: "v1", resource: "events")
    public static let kind = "Event"
    public static let isNamespaced = true
}
