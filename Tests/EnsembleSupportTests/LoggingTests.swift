import Foundation
import Synchronization
import Testing
@testable import EnsembleSupport

@Suite struct LoggingTests {
    @Test func levelsAreOrderedBySeverity() {
        #expect(LogLevel.allCases.sorted() == LogLevel.allCases)
        #expect(LogLevel.trace < .debug && .error < .critical)
    }

    @Test(arguments: [
        ("info", LogLevel.info), ("WARN", .warning), ("Warning", .warning), (" debug ", .debug), ("critical", .critical),
    ])
    func parsesLevelFromCommandLine(text: String, level: LogLevel) {
        #expect(LogLevel(parsing: text) == level)
    }

    @Test func rejectsUnknownLevel() {
        #expect(LogLevel(parsing: "verbose") == nil)
        #expect(LogLevel(parsing: "") == nil)
    }

    @Test func dropsRecordsBelowTheMinimumLevelWithoutBuildingThem() {
        let handler = InMemoryLogHandler()
        let logger = Logger(label: "test", minimumLevel: .warning, handler: handler)
        let evaluations = Mutex(0)
        func expensive() -> String {
            evaluations.withLock { $0 += 1 }
            return "built"
        }

        logger.debug(expensive(), metadata: ["m": .string(expensive())])
        logger.info(expensive())
        logger.error(expensive())

        #expect(evaluations.withLock { $0 } == 1)
        #expect(handler.records.map(\.level) == [.error])
        #expect(handler.records.first?.message == "built")
    }

    @Test func childLoggerAddsMetadataAndCallMetadataWins() {
        let handler = InMemoryLogHandler()
        let parent = Logger(label: "controller", metadata: ["team": "alpha"], handler: handler)
        let child = parent.with(metadata: ["session": "s-1"])

        child.info("reconciled", metadata: ["team": "beta", "attempt": 2])
        parent.info("idle")

        let records = handler.records
        #expect(records.count == 2)
        #expect(records[0].metadata == ["team": "beta", "session": "s-1", "attempt": 2])
        #expect(records[0].label == "controller")
        #expect(records[1].metadata == ["team": "alpha"])
        #expect(records[0].file?.hasSuffix("LoggingTests.swift") == true)
    }

    @Test func writesOneJSONObjectPerLineWithFixedFieldsFirst() {
        let record = LogRecord(
            timestamp: Date(timeIntervalSince1970: 1_714_566_896.789), level: .warning, label: "runner",
            message: "slow \"upstream\"\n", metadata: ["latency": 1.5, "model": "gpt", "msg": "clash", "ok": true],
            file: "EnsembleSupport/X.swift", line: 12)

        #expect(
            JSONLinesLogHandler.line(for: record, includeSource: false)
                == #"{"ts":"2024-05-01T12:34:56.789Z","level":"warning","logger":"runner","msg":"slow \"upstream\"\n","#
                + #""latency":1.5,"metadata.msg":"clash","model":"gpt","ok":true}"# + "\n")
        #expect(
            JSONLinesLogHandler.line(for: record, includeSource: true).contains(#""source":"EnsembleSupport/X.swift:12""#))
    }

    @Test func formatsTimestampsInUTCWithMilliseconds() {
        #expect(JSONLinesLogHandler.rfc3339Milliseconds(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(JSONLinesLogHandler.rfc3339Milliseconds(Date(timeIntervalSince1970: 0.0006)) == "1970-01-01T00:00:00.001Z")
        #expect(JSONLinesLogHandler.rfc3339Milliseconds(Date(timeIntervalSince1970: -0.25)) == "1969-12-31T23:59:59.750Z")
        #expect(
            JSONLinesLogHandler.rfc3339Milliseconds(Date(timeIntervalSince1970: 951_782_399.9996))
                == "2000-02-29T00:00:00.000Z")
    }

    @Test func redactsSensitiveMetadataAtAnyDepth() {
        let redacted = LogRedaction.redact([
            "Authorization": "Bearer abc", "x-api-key": "k", "apiKey": "k", "refresh_token": "t", "DB_PASSWORD": "p",
            "client_secret": "s", "Cookie": "c", "Set-Cookie": "c", "total_tokens": 12, "user": "ana",
            "request": ["headers": ["authorization": "Bearer abc", "accept": "json"]], "items": [["token": "t"]],
        ])
        #expect(
            redacted == [
                "Authorization": "[REDACTED]", "x-api-key": "[REDACTED]", "apiKey": "[REDACTED]",
                "refresh_token": "[REDACTED]", "DB_PASSWORD": "[REDACTED]", "client_secret": "[REDACTED]",
                "Cookie": "[REDACTED]", "Set-Cookie": "[REDACTED]", "total_tokens": 12, "user": "ana",
                "request": ["headers": ["authorization": "[REDACTED]", "accept": "json"]],
                "items": [["token": "[REDACTED]"]],
            ])
    }

    @Test func secretsNeverReachTheOutput() throws {
        let secret = "sk-live-4f9a2c"
        let output = try captureLines { handler in
            let logger = Logger(label: "llm", minimumLevel: .trace, metadata: ["api_key": .string(secret)], handler: handler)
            logger.info("calling upstream with \(Redacted(secret))", metadata: [
                "headers": ["Authorization": .string("Bearer \(secret)"), "Cookie": .string("session=\(secret)")],
                "attempts": [["access_token": .string(secret)]],
            ])
            logger.with(metadata: ["password": .string(secret)]).debug("retrying")
        }

        #expect(!output.contains(secret))
        #expect(output.split(separator: "\n").count == 2)
        #expect(output.contains(#""msg":"calling upstream with [REDACTED]""#))
        #expect(output.contains(#""Authorization":"[REDACTED]""#))
    }

    @Test func redactedValueHasNoPrintableForm() {
        let secret = Redacted("hunter2")
        var dumped = ""
        dump(secret, to: &dumped)

        #expect("\(secret)" == "[REDACTED]")
        #expect(String(reflecting: secret) == "[REDACTED]")
        #expect(!dumped.contains("hunter2"))
        #expect(secret.value == "hunter2")
    }

    @Test func concurrentRecordsAreWrittenAsWholeLines() async throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ensemble-log-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        try #require(descriptor >= 0)
        let logger = Logger(label: "load", handler: JSONLinesLogHandler(fileDescriptor: descriptor))
        let padding = String(repeating: "x", count: 2000)

        await withTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for index in 0..<100 {
                        logger.info("record", metadata: ["task": .integer(Int64(task)), "index": .integer(Int64(index)), "pad": .string(padding)])
                    }
                }
            }
        }
        close(descriptor)

        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 800)
        for line in lines {
            let object = try JSONText.parse(String(line))
            #expect(object["msg"] == "record" && object["pad"] == .string(padding))
        }
    }

    @Test func inMemoryHandlerKeepsEveryConcurrentRecord() async {
        let handler = InMemoryLogHandler()
        let logger = Logger(label: "memory", handler: handler)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    for _ in 0..<250 { logger.info("tick") }
                }
            }
        }
        #expect(handler.records.count == 2000)
        handler.removeAll()
        #expect(handler.records.isEmpty)
    }

    /// Logs through a `JSONLinesLogHandler` writing into a pipe and returns what came out.
    private func captureLines(_ body: (JSONLinesLogHandler) -> Void) throws -> String {
        var descriptors: [Int32] = [0, 0]
        try #require(pipe(&descriptors) == 0)
        body(JSONLinesLogHandler(fileDescriptor: descriptors[1]))
        close(descriptors[1])
        let data = FileHandle(fileDescriptor: descriptors[0], closeOnDealloc: true).readDataToEndOfFile()
        return String(decoding: data, as: UTF8.self)
    }
}
