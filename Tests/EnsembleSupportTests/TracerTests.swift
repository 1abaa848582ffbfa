import Testing
import Synchronization
import EnsembleSupport

/// A clock for spans that advances by one microsecond on each reading.
final class SteppingClock: Sendable {
    private let nanos = Mutex<UInt64>(1_700_000_000_000_000_000)

    func now() -> UInt64 {
        nanos.withLock { value in
            value += 1_000
            return value
        }
    }
}

struct SpanFailure: Error, CustomStringConvertible {
    var description: String { "the model endpoint went away" }
}

/// A tracer whose ended spans land in memory after `flush()`.
struct RecordingTracer {
    let exporter = InMemorySpanExporter()
    let processor: BatchSpanProcessor
    let tracer: Tracer

    init(sampler: any Sampler = .alwaysOn, limits: SpanLimits = SpanLimits()) {
        processor = BatchSpanProcessor(exporter: exporter)
        let clock = SteppingClock()
        tracer = Tracer(processor: processor, sampler: sampler, limits: limits, clock: { clock.now() })
    }

    func flush() async -> [SpanData] {
        await processor.forceFlush()
        return exporter.spans
    }
}

@Suite struct TracerTests {
    @Test func spanRecordsUntilItEnds() async throws {
        let recording = RecordingTracer()
        let span = recording.tracer.startSpan(
            "chat", kind: .server, parent: nil, attributes: [GenAIAttributes.operationName: "invoke_workflow"])
        #expect(span.isRecording)
        #expect(span.parentSpanID == nil)
        span.setAttribute(GenAIAttributes.usageInputTokens, .int(12))
        span.setAttributes(["ratio": 0.5, "streamed": true, "finish": .stringArray(["stop"])])
        span.addEvent("retry", attributes: ["attempt": 1])
        span.setStatus(.ok)
        span.end()
        #expect(!span.isRecording)
        #expect(span.isEnded)

        span.setAttribute("late", "ignored")
        span.addEvent("late")
        span.end()

        let spans = await recording.flush()
        #expect(spans.count == 1)
        let data = try #require(spans.first)
        #expect(data.name == "chat")
        #expect(data.kind == .server)
        #expect(data.context == span.context)
        #expect(data.attributes == [
            GenAIAttributes.operationName: "invoke_workflow", GenAIAttributes.usageInputTokens: 12, "ratio": 0.5,
            "streamed": true, "finish": .stringArray(["stop"]),
        ])
        #expect(data.events.map(\.name) == ["retry"])
        #expect(data.events[0].attributes == ["attempt": 1])
        #expect(data.status == .ok)
        #expect(data.startTimeUnixNano < data.events[0].timeUnixNano)
        #expect(data.events[0].timeUnixNano < data.endTimeUnixNano)
        #expect(span.endTimeUnixNano == data.endTimeUnixNano)
    }

    @Test func statusOkIsFinalAndUnsetNeverOverrides() {
        let recording = RecordingTracer()
        let failed = recording.tracer.startSpan("a")
        failed.setStatus(.error(message: "boom"))
        failed.setStatus(.unset)
        #expect(failed.status == .error(message: "boom"))
        failed.setStatus(.ok)
        failed.setStatus(.error(message: "again"))
        #expect(failed.status == .ok)
    }

    @Test func withSpanNestsChildrenThroughTheTaskAndEndsThem() async throws {
        let recording = RecordingTracer()
        let tracer = recording.tracer
        let answer = await tracer.withSpan("chat", parent: nil) { chat in
            await tracer.withSpan("invoke_agent planner") { turn in
                #expect(SpanContext.current == turn.context)
                let call = tracer.startSpan("chat gpt-4o", kind: .client)
                call.end()
                return 42
            }
        }
        #expect(answer == 42)
        #expect(SpanContext.current == nil)

        let spans = await recording.flush()
        let chat = try #require(spans.first { $0.name == "chat" })
        let turn = try #require(spans.first { $0.name == "invoke_agent planner" })
        let call = try #require(spans.first { $0.name == "chat gpt-4o" })
        #expect(chat.parentSpanID == nil)
        #expect(turn.parentSpanID == chat.context.spanID)
        #expect(call.parentSpanID == turn.context.spanID)
        #expect(Set([chat, turn, call].map(\.context.traceID)).count == 1)
        #expect(spans.map(\.name) == ["chat gpt-4o", "invoke_agent planner", "chat"])
    }

    @Test func withSpanRecordsAThrownErrorAndRethrowsIt() async throws {
        let recording = RecordingTracer()
        await #expect(throws: SpanFailure.self) {
            try await recording.tracer.withSpan("chat gpt-4o", kind: .client, parent: nil) { _ in
                throw SpanFailure()
            }
        }
        let span = try #require(await recording.flush().first)
        #expect(span.status == .error(message: "the model endpoint went away"))
        let exception = try #require(span.events.first)
        #expect(exception.name == "exception")
        #expect(exception.attributes["exception.message"] == "the model endpoint went away")
        guard case .string(let type) = exception.attributes["exception.type"] else {
            Issue.record("exception.type is not a string")
            return
        }
        #expect(type.contains("SpanFailure"))
    }

    @Test func aRemoteParentContinuesItsTrace() async throws {
        let recording = RecordingTracer()
        let remote = try #require(SpanContext(traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
        recording.tracer.startSpan("POST /v1/chat", kind: .server, parent: remote).end()
        let span = try #require(await recording.flush().first)
        #expect(span.context.traceID == remote.traceID)
        #expect(span.parentSpanID == remote.spanID)
        #expect(!span.context.isRemote)
    }

    @Test func unsampledSpansPropagateButAreNeverExported() async throws {
        let recording = RecordingTracer(sampler: .parentBased(root: .alwaysOff))
        let span = recording.tracer.startSpan("chat", parent: nil)
        #expect(!span.isRecording)
        #expect(!span.context.isSampled)
        span.setAttribute("ignored", true)
        #expect(span.attributes.isEmpty)
        let child = recording.tracer.startSpan("turn", parent: span.context)
        #expect(child.context.traceID == span.context.traceID)
        #expect(!child.context.isSampled)
        child.end()
        span.end()
        #expect(await recording.flush().isEmpty)
        #expect(recording.processor.statistics.dropped == 0)
    }

    @Test func theDisabledTracerRecordsNothing() {
        let span = Tracer.disabled.startSpan("chat", parent: nil)
        #expect(!span.isRecording)
        #expect(span.context.traceID.isValid)
        span.end()
    }

    @Test func limitsBoundAttributesAndEvents() async throws {
        let recording = RecordingTracer(limits: SpanLimits(maximumAttributes: 2, maximumEvents: 1))
        let span = recording.tracer.startSpan("chat", parent: nil, attributes: ["a": 1, "b": 2])
        span.setAttribute("c", 3)
        span.setAttribute("a", 10)
        span.addEvent("first")
        span.addEvent("second")
        span.end()
        let data = try #require(await recording.flush().first)
        #expect(data.attributes == ["a": 10, "b": 2])
        #expect(data.droppedAttributesCount == 1)
        #expect(data.events.map(\.name) == ["first"])
        #expect(data.droppedEventsCount == 1)
    }
}
