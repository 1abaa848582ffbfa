import EnsembleSupport
import Foundation
import KubeCore
import Testing

@testable import EnsembleAPI

@Suite struct EncodingTests {
    @Test func unsetOptionalsAreOmittedNotNull() throws {
        let text = String(decoding: try JSONEncoder().encode(Fixtures.minimalTeam()), as: UTF8.self)
        #expect(!text.contains("null"))
        let json = try Fixtures.json(Fixtures.minimalTeam())
        #expect(json["status"] == nil)
        #expect(json["spec"]?["chat"] == nil)
        #expect(json["spec"]?["models"]?[0] == ["name": "gpt", "provider": "openai", "model": "gpt-4o-mini"])
        #expect(json["spec"]?["access"] == ["none": [:]])
        #expect(json["metadata"] == ["name": "assistant", "namespace": "default"])
    }

    @Test func sessionWithoutStatusEncodesOnlyWhatWasSet() throws {
        let session = AgentSession(
            metadata: ObjectMeta(name: "s"),
            spec: AgentSessionSpec(teamRef: LocalObjectReference(name: "t"), input: "hi", userID: "u"))
        #expect(try Fixtures.json(session) == [
            "apiVersion": "ensemble.dev/v1alpha1", "kind": "AgentSession", "metadata": ["name": "s"],
            "spec": ["teamRef": ["name": "t"], "input": "hi", "userID": "u"],
        ])
    }

    @Test func fullyPopulatedTeamRoundTrips() throws {
        let team = Fixtures.fullyPopulatedTeam
        let decoded = try JSONDecoder().decode(AgentTeam.self, from: JSONEncoder().encode(team))
        #expect(decoded == team)
        let session = Fixtures.fullyPopulatedSession
        #expect(try JSONDecoder().decode(AgentSession.self, from: JSONEncoder().encode(session)) == session)
    }

    @Test func moneyKeepsItsSpellingAndCountsMicros() throws {
        #expect(Money("2.50").micros == 2_500_000)
        #expect(Money("0.000001").micros == 1)
        #expect(Money(whole: 500).micros == 500_000_000)
        #expect(Money("1.2345678").micros == nil)
        #expect(Money("01.5").micros == nil)
        #expect(Money("-1").micros == nil)
        #expect(Money("1e3").micros == nil)
        #expect(Money(whole: -1).micros == nil)
        #expect(Money(micros: 12_500).description == "0.0125")
        #expect(Money(micros: 3_000_000).description == "3")
        #expect(try Fixtures.json(ModelPricing(promptPerMillionTokens: "0.15", completionPerMillionTokens: 2))
            == ["promptPerMillionTokens": "0.15", "completionPerMillionTokens": 2])
    }

    @Test func pricingRoundsCostUp() {
        let pricing = ModelPricing(promptPerMillionTokens: "0.15", completionPerMillionTokens: "0.60")
        #expect(pricing.costMicros(promptTokens: 1_000_000, completionTokens: 0) == 150_000)
        #expect(pricing.costMicros(promptTokens: 1, completionTokens: 1) == 1)
        #expect(pricing.costMicros(promptTokens: 0, completionTokens: 0) == 0)
    }

    @Test func timestampsAreRFC3339Seconds() throws {
        let timestamp = try #require(Time(rfc3339: "2025-03-01T12:00:00.750Z"))
        #expect(timestamp.description == "2025-03-01T12:00:00Z")
        #expect(Time(rfc3339: "2025-03-01T14:00:00+02:00") == Fixtures.timestamp)
        #expect(Time(rfc3339: "yesterday") == nil)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Time.self, from: Data("\"soon\"".utf8)) }
    }

    @Test func intOrStringKeepsItsForm() throws {
        #expect(try Fixtures.json(DisruptionBudget(maxUnavailable: 1)) == ["maxUnavailable": 1])
        #expect(try Fixtures.json(DisruptionBudget(minAvailable: "50%")) == ["minAvailable": "50%"])
    }

    @Test func stopReasonsAreAnOpenSet() throws {
        let reason = try JSONDecoder().decode(StopReason.self, from: Data("\"SomethingNew\"".utf8))
        #expect(reason.rawValue == "SomethingNew")
        #expect(try Fixtures.json(StopReason.maxRounds) == "MaxRounds")
    }

    @Test func resultIsBounded() {
        let long = String(repeating: "é", count: AgentSessionStatus.resultMaxLength + 5)
        let (result, truncated) = AgentSessionStatus.boundedResult(long)
        #expect(truncated && result.unicodeScalars.count == AgentSessionStatus.resultMaxLength)
        #expect(AgentSessionStatus.boundedResult("short") == ("short", false))
    }
}
