import Foundation
import Testing
import EnsembleSupport

@Suite struct OTLPTraceJSONTests {
    static let traceID = TraceID(high: 0x4bf9_2f35_77b3_4da6, low: 0xa3ce_929d_0e0e_4736)

    static let root = SpanData(
        name: "invoke_agent planner", kind: .internal,
        context: SpanContext(traceID: traceID, spanID: SpanID(0x00f0_67aa_0ba9_02b7), isSampled: true),
        parentSpanID: nil, startTimeUnixNano: 1_700_000_000_123_456_789, endTimeUnixNano: 1_700_000_001_000_000_000,
        attributes: [GenAIAttributes.operationName: "invoke_agent", GenAIAttributes.agentName: "planner"],
        status: .ok)

    static let call = SpanData(
        name: "chat gpt-4o", kind: .client,
        context: SpanContext(traceID: traceID, spanID: SpanID(0x0000_0000_0000_00ab), isSampled: true),
        parentSpanID: SpanID(0x00f0_67aa_0ba9_02b7), startTimeUnixNano: 1_700_000_000_200_000_000,
        endTimeUnixNano: 1_700_000_000_900_000_000,
        attributes: [
            GenAIAttributes.requestModel: "gpt-4o", GenAIAttributes.usageInputTokens: .int(9_007_199_254_740_993),
            GenAIAttributes.requestTemperature: 0.25, "streamed": false,
            GenAIAttributes.responseFinishReasons: .stringArray(["stop", "length"]), "ints": .intArray([1, -2]),
            "doubles": .doubleArray([1.5, .infinity]), "bools": .boolArray([true]), "not.a.number": .double(.nan),
        ],
        events: [
            SpanEvent(
                name: "exception", timeUnixNano: 1_700_000_000_800_000_000,
                attributes: ["exception.message": "upstream timed out"])
        ],
        status: .error(message: "upstream timed out"), droppedAttributesCount: 2)

    static func encoded() throws -> JSONValue {
        let data = OTLPTraceJSON.encode(
            spans: [root, call], resource: ["service.name": "ensemble-runner", "k8s.pod.count": 3],
            scope: (name: "ensemble", version: "0.1.0"))
        return try JSONText.parse(data)
    }

    @Test func encodesTheRequestStructure() throws {
        let request = try Self.encoded()
        let resourceSpans = try #require(request["resourceSpans"]?.arrayValue)
        #expect(resourceSpans.count == 1)
        #expect(resourceSpans[0]["resource"] == [
            "attributes": [
                ["key": "k8s.pod.count", "value": ["intValue": "3"]],
                ["key": "service.name", "value": ["stringValue": "ensemble-runner"]],
            ]
        ])
        let scopeSpans = try #require(resourceSpans[0]["scopeSpans"]?.arrayValue)
        #expect(scopeSpans.count == 1)
        #expect(scopeSpans[0]["scope"] == ["name": "ensemble", "version": "0.1.0"])
        let spans = try #require(scopeSpans[0]["spans"]?.arrayValue)
        #expect(spans.count == 2)

        let root = spans[0]
        #expect(root["traceId"] == "4bf92f3577b34da6a3ce929d0e0e4736")
        #expect(root["spanId"] == "00f067aa0ba902b7")
        #expect(root["parentSpanId"] == nil)
        #expect(root["name"] == "invoke_agent planner")
        #expect(root["kind"] == 1)
        #expect(root["startTimeUnixNano"] == "1700000000123456789")
        #expect(root["endTimeUnixNano"] == "1700000001000000000")
        #expect(root["status"] == ["code": 1])
        #expect(root["events"] == [])
        #expect(root["droppedAttributesCount"] == nil)
        #expect(root["attributes"] == [
            ["key": "gen_ai.agent.name", "value": ["stringValue": "planner"]],
            ["key": "gen_ai.operation.name", "value": ["stringValue": "invoke_agent"]],
        ])
    }

    @Test func encodesValuesAsProtobufJSONRequires() throws {
        let call = try #require(try Self.encoded()["resourceSpans"]?[0]?["scopeSpans"]?[0]?["spans"]?[1])
        #expect(call["spanId"] == "00000000000000ab")
        #expect(call["parentSpanId"] == "00f067aa0ba902b7")
        #expect(call["kind"] == 3)
        #expect(call["status"] == ["code": 2, "message": "upstream timed out"])
        #expect(call["droppedAttributesCount"] == 2)
        #expect(call["events"] == [
            [
                "timeUnixNano": "1700000000800000000", "name": "exception",
                "attributes": [["key": "exception.message", "value": ["stringValue": "upstream timed out"]]],
            ]
        ])
        var values: [String: JSONValue] = [:]
        for attribute in try #require(call["attributes"]?.arrayValue) {
            values[try #require(attribute["key"]?.stringValue)] = attribute["value"]
        }
        #expect(values["gen_ai.usage.input_tokens"] == ["intValue": "9007199254740993"])
        #expect(values["gen_ai.request.temperature"] == ["doubleValue": 0.25])
        #expect(values["streamed"] == ["boolValue": false])
        #expect(values["not.a.number"] == ["doubleValue": "NaN"])
        #expect(values["gen_ai.response.finish_reasons"] == [
            "arrayValue": ["values": [["stringValue": "stop"], ["stringValue": "length"]]]
        ])
        #expect(values["ints"] == ["arrayValue": ["values": [["intValue": "1"], ["intValue": "-2"]]]])
        #expect(values["doubles"] == ["arrayValue": ["values": [["doubleValue": 1.5], ["doubleValue": "Infinity"]]]])
        #expect(values["bools"] == ["arrayValue": ["values": [["boolValue": true]]]])
    }

    @Test func encodesEveryKindAndStatus() throws {
        let kinds: [(SpanKind, Int64)] = [(.internal, 1), (.server, 2), (.client, 3), (.producer, 4), (.consumer, 5)]
        let spans = kinds.map { kind, _ in
            var span = Self.root
            span.kind = kind
            span.status = .unset
            return span
        }
        let encoded = try JSONText.parse(OTLPTraceJSON.encode(spans: spans, resource: [:], scope: (name: "t", version: "")))
        let written = try #require(encoded["resourceSpans"]?[0]?["scopeSpans"]?[0]?["spans"]?.arrayValue)
        #expect(written.map { $0["kind"] } == kinds.map { .integer($0.1) })
        #expect(written.allSatisfy { $0["status"] == ["code": 0] })
        #expect(encoded["resourceSpans"]?[0]?["scopeSpans"]?[0]?["scope"] == ["name": "t"])
    }

    /// The official protobuf JSON parser, strict about unknown fields, reading our output into the generated
    /// `ExportTraceServiceRequest`. Protobuf's generic JSON mapping reads bytes as base64, so the ids come back
    /// as the base64 text of their bytes: equal to the hex we wrote, which shows they were read as written.
    @Test(.enabled("needs ENSEMBLE_PYTHON or .venv with opentelemetry-proto") {
        await PythonReference.canImport("opentelemetry.proto.collector.trace.v1.trace_service_pb2", "google.protobuf.json_format")
    })
    func officialProtobufParserReadsTheRequest() async throws {
        let data = OTLPTraceJSON.encode(
            spans: [Self.root, Self.call], resource: ["service.name": "ensemble-runner"],
            scope: (name: "ensemble", version: "0.1.0"))
        let parsed = try JSONText.parse(try await PythonReference.run(Self.protobufScript, input: data))
        let expected: JSONValue = [
            "resource": [["service.name", "string_value", "ensemble-runner"]],
            "scope": ["ensemble", "0.1.0"],
            "spans": [
                [
                    "traceId": "4bf92f3577b34da6a3ce929d0e0e4736", "spanId": "00f067aa0ba902b7", "parentSpanId": "",
                    "name": "invoke_agent planner", "kind": 1, "start": "1700000000123456789",
                    "end": "1700000001000000000", "status": [1, ""], "droppedAttributes": 0, "events": [],
                    "attributes": [
                        ["gen_ai.agent.name", "string_value", "planner"],
                        ["gen_ai.operation.name", "string_value", "invoke_agent"],
                    ],
                ],
                [
                    "traceId": "4bf92f3577b34da6a3ce929d0e0e4736", "spanId": "00000000000000ab",
                    "parentSpanId": "00f067aa0ba902b7", "name": "chat gpt-4o", "kind": 3,
                    "start": "1700000000200000000", "end": "1700000000900000000", "status": [2, "upstream timed out"],
                    "droppedAttributes": 2,
                    "events": [["exception", "1700000000800000000", [["exception.message", "string_value", "upstream timed out"]]]],
                    "attributes": [
                        ["bools", "array_value", ["True"]],
                        ["doubles", "array_value", ["1.5", "inf"]],
                        ["gen_ai.request.model", "string_value", "gpt-4o"],
                        ["gen_ai.request.temperature", "double_value", "0.25"],
                        ["gen_ai.response.finish_reasons", "array_value", ["stop", "length"]],
                        ["gen_ai.usage.input_tokens", "int_value", "9007199254740993"],
                        ["ints", "array_value", ["1", "-2"]],
                        ["not.a.number", "double_value", "nan"],
                        ["streamed", "bool_value", "False"],
                    ],
                ],
            ],
        ]
        #expect(parsed == expected)
    }

    /// Prints what the parsed message holds, with every scalar as text so that 64-bit values stay exact.
    static let protobufScript = """
        import base64, json, sys
        from google.protobuf import json_format
        from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest

        request = json_format.Parse(sys.stdin.read(), ExportTraceServiceRequest())
        (resource_spans,) = request.resource_spans
        (scope_spans,) = resource_spans.scope_spans

        def text(value):
            return str(value) if not isinstance(value, str) else value

        def scalar(any_value):
            kind = any_value.WhichOneof("value")
            if kind == "array_value":
                return kind, [text(getattr(v, v.WhichOneof("value"))) for v in any_value.array_value.values]
            return kind, text(getattr(any_value, kind))

        def attributes(key_values):
            return [[kv.key, *scalar(kv.value)] for kv in key_values]

        def identifier(raw):
            return base64.b64encode(raw).decode()

        print(json.dumps({
            "resource": attributes(resource_spans.resource.attributes),
            "scope": [scope_spans.scope.name, scope_spans.scope.version],
            "spans": [{
                "traceId": identifier(s.trace_id), "spanId": identifier(s.span_id),
                "parentSpanId": identifier(s.parent_span_id), "name": s.name, "kind": s.kind,
                "start": str(s.start_time_unix_nano), "end": str(s.end_time_unix_nano),
                "status": [s.status.code, s.status.message], "droppedAttributes": s.dropped_attributes_count,
                "events": [[e.name, str(e.time_unix_nano), attributes(e.attributes)] for e in s.events],
                "attributes": attributes(s.attributes),
            } for s in scope_spans.spans],
        }))
        """
}
