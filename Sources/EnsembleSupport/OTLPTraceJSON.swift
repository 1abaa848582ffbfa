import Foundation

/// The OTLP/HTTP JSON encoding of an `ExportTraceServiceRequest` (opentelemetry-proto, trace/v1).
///
/// Follows the protocol's JSON rules: field names in lowerCamelCase, trace and span ids as lowercase hex
/// (not base64), 64-bit integers as decimal strings, enums as their integer values.
public enum OTLPTraceJSON {
    /// One `resourceSpans` entry holding one `scopeSpans` entry with all the spans.
    public static func encode(
        spans: [SpanData], resource: [String: SpanAttribute], scope: (name: String, version: String)
    ) -> Data {
        JSONText.data(request(spans: spans, resource: resource, scope: scope))
    }

    static func request(
        spans: [SpanData], resource: [String: SpanAttribute], scope: (name: String, version: String)
    ) -> JSONValue {
        var scopeObject: [String: JSONValue] = ["name": .string(scope.name)]
        if !scope.version.isEmpty { scopeObject["version"] = .string(scope.version) }
        let scopeSpans: JSONValue = ["scope": .object(scopeObject), "spans": .array(spans.map(span))]
        let resourceSpans: JSONValue = [
            "resource": ["attributes": keyValues(resource)],
            "scopeSpans": [scopeSpans],
        ]
        return ["resourceSpans": [resourceSpans]]
    }

    static func span(_ span: SpanData) -> JSONValue {
        var object: [String: JSONValue] = [
            "traceId": .string(span.context.traceID.hex),
            "spanId": .string(span.context.spanID.hex),
            "name": .string(span.name),
            "kind": .integer(kindNumber(span.kind)),
            "startTimeUnixNano": .string(String(span.startTimeUnixNano)),
            "endTimeUnixNano": .string(String(span.endTimeUnixNano)),
            "attributes": keyValues(span.attributes),
            "events": .array(span.events.map(event)),
            "status": status(span.status),
        ]
        if let parent = span.parentSpanID { object["parentSpanId"] = .string(parent.hex) }
        if span.droppedAttributesCount > 0 { object["droppedAttributesCount"] = .integer(Int64(span.droppedAttributesCount)) }
        if span.droppedEventsCount > 0 { object["droppedEventsCount"] = .integer(Int64(span.droppedEventsCount)) }
        return .object(object)
    }

    static func event(_ event: SpanEvent) -> JSONValue {
        [
            "timeUnixNano": .string(String(event.timeUnixNano)),
            "name": .string(event.name),
            "attributes": keyValues(event.attributes),
        ]
    }

    static func status(_ status: SpanStatus) -> JSONValue {
        switch status {
        case .unset: ["code": 0]
        case .ok: ["code": 1]
        case .error(let message) where message.isEmpty: ["code": 2]
        case .error(let message): ["code": 2, "message": .string(message)]
        }
    }

    /// `SPAN_KIND_INTERNAL` = 1 … `SPAN_KIND_CONSUMER` = 5; 0 (unspecified) is never written.
    static func kindNumber(_ kind: SpanKind) -> Int64 {
        switch kind {
        case .internal: 1
        case .server: 2
        case .client: 3
        case .producer: 4
        case .consumer: 5
        }
    }

    /// A `KeyValue` list, sorted by key so that the output is deterministic.
    static func keyValues(_ attributes: [String: SpanAttribute]) -> JSONValue {
        .array(attributes.keys.sorted().map { key in ["key": .string(key), "value": anyValue(attributes[key]!)] })
    }

    static func anyValue(_ attribute: SpanAttribute) -> JSONValue {
        switch attribute {
        case .string(let value): ["stringValue": .string(value)]
        case .int(let value): int(value)
        case .double(let value): double(value)
        case .bool(let value): ["boolValue": .bool(value)]
        case .stringArray(let values): array(values.map { ["stringValue": .string($0)] })
        case .intArray(let values): array(values.map(int))
        case .doubleArray(let values): array(values.map(double))
        case .boolArray(let values): array(values.map { ["boolValue": .bool($0)] })
        }
    }

    private static func int(_ value: Int64) -> JSONValue {
        ["intValue": .string(String(value))]
    }

    /// Protobuf's JSON mapping writes non-finite doubles as the strings "NaN", "Infinity" and "-Infinity".
    private static func double(_ value: Double) -> JSONValue {
        if value.isNaN { return ["doubleValue": "NaN"] }
        if value.isInfinite { return ["doubleValue": .string(value > 0 ? "Infinity" : "-Infinity")] }
        return ["doubleValue": .double(value)]
    }

    private static func array(_ values: [JSONValue]) -> JSONValue {
        ["arrayValue": ["values": .array(values)]]
    }
}
