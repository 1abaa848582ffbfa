import Testing
import EnsembleSupport

@Suite struct TraceContextTests {
    @Test func traceparentRoundTrips() throws {
        let context = SpanContext(traceID: .random(), spanID: .random(), isSampled: true)
        let parsed = try #require(SpanContext(traceparent: context.traceparent))
        #expect(parsed.traceID == context.traceID)
        #expect(parsed.spanID == context.spanID)
        #expect(parsed.isSampled)
        #expect(parsed.isRemote)
        #expect(parsed.traceparent == context.traceparent)
    }

    @Test func formatsTheSpecificationsExample() throws {
        let header = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
        let context = try #require(SpanContext(traceparent: header))
        #expect(context.traceID == TraceID(high: 0x4bf9_2f35_77b3_4da6, low: 0xa3ce_929d_0e0e_4736))
        #expect(context.spanID == SpanID(0x00f0_67aa_0ba9_02b7))
        #expect(context.traceparent == header)

        let unsampled = try #require(SpanContext(traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"))
        #expect(!unsampled.isSampled)
        #expect(unsampled.traceparent.hasSuffix("-00"))
    }

    @Test func readsOnlyTheSampledBitOfTheFlags() throws {
        let context = try #require(SpanContext(traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-03"))
        #expect(context.isSampled)
        #expect(context.traceparent.hasSuffix("-01"))
    }

    @Test func readsAFutureVersionByItsVersionZeroPrefix() throws {
        let context = try #require(
            SpanContext(traceparent: "cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-the-future-holds"))
        #expect(context.spanID == SpanID(0x00f0_67aa_0ba9_02b7))
        #expect(SpanContext(traceparent: "cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01") != nil)
        #expect(SpanContext(traceparent: "cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01x") == nil)
    }

    @Test(arguments: [
        "",
        "00",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00F067AA0BA902B7-01",
        "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
        "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01",
        "00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0g",
        "0-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01x",
        "00-4bf92f3577b34da6a3ce929d0e0e47-3600f067aa0ba902b7-01",
        " 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01é",
    ])
    func rejectsInvalidTraceparent(_ header: String) {
        #expect(SpanContext(traceparent: header) == nil)
    }

    @Test func identifiersAreRandomValidAndLowercaseHex() throws {
        let traceIDs = Set((0..<100).map { _ in TraceID.random() })
        let spanIDs = Set((0..<100).map { _ in SpanID.random() })
        #expect(traceIDs.count == 100)
        #expect(spanIDs.count == 100)
        for id in traceIDs {
            #expect(id.isValid)
            #expect(id.hex.count == 32)
            #expect(id.hex == id.hex.lowercased())
            #expect(TraceID(hex: id.hex) == id)
        }
        for id in spanIDs {
            #expect(id.hex.count == 16)
            #expect(SpanID(hex: id.hex) == id)
        }
        #expect(SpanID(1).hex == "0000000000000001")
        #expect(TraceID(high: 0, low: 0xff).hex == "000000000000000000000000000000ff")
        #expect(TraceID(hex: "ABCDEF0123456789abcdef0123456789") == nil)
        #expect(SpanID(hex: "123") == nil)
    }
}
