import EnsembleAPI
import EnsembleSupport
import Foundation
import Testing

@Suite struct SamplesTests {
    private static let directory = Fixtures.packageRoot.appendingPathComponent("config/samples")
    static let teamSamples = ["agentteam-minimal.yaml", "agentteam-full.yaml", "agentteam-offline.yaml"]

    private func read(_ name: String) throws -> String {
        try String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8)
    }

    /// Decodes `text` as `T` and fails unless encoding the value again gives back exactly the manifest: a field
    /// the types do not know would be dropped on the way, as the API server would prune it.
    private func decodeStrictly<T: Codable>(_ type: T.Type, from text: String) throws -> T {
        let manifest = try YAML.parse(text)
        let value = try YAMLDecoder().decode(type, from: text)
        let encoded = try Fixtures.json(value)
        #expect(encoded == manifest, "the manifest holds fields the types do not: \(JSONText.string(manifest)) vs \(JSONText.string(encoded))")
        return value
    }

    /// The manifest against the generated schema: types, bounds, patterns and unknown fields.
    private func schemaErrors(_ text: String, _ schema: Schema) throws -> [ValidationError] {
        let manifest = Fixtures.describedContent(of: try YAML.parse(text), by: schema)
        return SchemaValidator.validate(manifest, against: schema, at: FieldPath(""))
    }

    @Test(arguments: teamSamples)
    func teamSampleDecodesStrictlyAndValidates(name: String) throws {
        let text = try read(name)
        let team = try decodeStrictly(AgentTeam.self, from: text)
        #expect(try schemaErrors(text, AgentTeam.schema) == [])
        #expect(team.validate() == [], "\(team.validate().summary)")
        #expect(team.defaulted().validate() == [], "\(team.defaulted().validate().summary)")
        #expect(try SchemaDefaulting.apply(AgentTeam.schema, to: Fixtures.json(team.defaulted())) == Fixtures.json(team.defaulted()))
    }

    @Test func sessionSampleDecodesStrictlyAndValidates() throws {
        let text = try read("agentsession.yaml")
        let session = try decodeStrictly(AgentSession.self, from: text)
        #expect(try schemaErrors(text, AgentSession.schema) == [])
        #expect(session.validate() == [])
        #expect(session.spec.teamRef.name == "assistant")
    }

    @Test func samplesShowWhatTheyPromise() throws {
        let minimal = try YAMLDecoder().decode(AgentTeam.self, from: read("agentteam-minimal.yaml")).defaulted()
        #expect(minimal.spec.agents.count == 1 && minimal.spec.chat?.mode == .single)

        let full = try YAMLDecoder().decode(AgentTeam.self, from: read("agentteam-full.yaml"))
        #expect(full.spec.chat?.mode == .selector && full.spec.agents.count == 3)
        #expect(full.spec.runner?.autoscaling != nil && full.spec.sessions?.store == .redis)
        #expect(full.spec.sessions?.redis?.urlSecretRef.name == "research-redis")
        #expect(full.spec.models.allSatisfy { $0.baseURL != nil && $0.apiKeySecretRef != nil })
        #expect(full.spec.budget?.perTeam?.costPerMonth?.micros == 750_000_000)

        let offline = try YAMLDecoder().decode(AgentTeam.self, from: read("agentteam-offline.yaml"))
        #expect(offline.spec.models.allSatisfy { $0.provider == .replay })
    }

    @Test func anUnknownFieldIsCaught() throws {
        let text = try read("agentteam-minimal.yaml").replacingOccurrences(of: "    temperature: 0.3", with: "    temprature: 0.3")
        let errors = try schemaErrors(text, AgentTeam.schema)
        #expect(errors.map(\.description) == ["spec.models[0].temprature: Unknown field: field not declared in schema"])
        let manifest = try YAML.parse(text)
        #expect(try Fixtures.json(YAMLDecoder().decode(AgentTeam.self, from: text)) != manifest)
    }

    @Test func aWrongTypeOrEnumIsCaughtWithItsPath() throws {
        let text = try read("agentteam-minimal.yaml")
            .replacingOccurrences(of: "provider: openai", with: "provider: anthropic")
            .replacingOccurrences(of: "temperature: 0.3", with: "temperature: warm")
        let errors = try schemaErrors(text, AgentTeam.schema).map(\.description)
        #expect(errors.contains(#"spec.models[0].provider: Unsupported value: "anthropic": supported values: "openai", "azure-openai", "replay""#))
        #expect(errors.contains(#"spec.models[0].temperature: Invalid value: "warm": must be of type number"#))
    }
}
