import EnsembleSupport
import Foundation
import Testing

@testable import EnsembleAPI

@Suite struct CRDStructureTests {
    /// Every node `openAPIV3Schema` holds, with its path.
    private func nodes(of schema: JSONValue, at path: String = "") -> [(path: String, node: JSONValue)] {
        var result = [(path, schema)]
        for (name, property) in schema["properties"]?.objectValue ?? [:] {
            result += nodes(of: property, at: path + "." + name)
        }
        if let items = schema["items"] { result += nodes(of: items, at: path + "[]") }
        if let values = schema["additionalProperties"] { result += nodes(of: values, at: path + ".*") }
        return result
    }

    private func openAPISchema(_ crd: JSONValue) -> JSONValue {
        crd["spec"]?["versions"]?[0]?["schema"]?["openAPIV3Schema"] ?? .null
    }

    private static let crdNames = EnsembleCRDs.descriptors.map(\.name)

    private func descriptor(_ name: String) -> CustomResourceDescriptor {
        EnsembleCRDs.descriptors.first { $0.name == name }!
    }

    @Test(arguments: crdNames)
    func everyNodeIsStructuralAndDocumented(name: String) {
        let crd = descriptor(name).jsonValue
        for (path, node) in nodes(of: openAPISchema(crd)) {
            let description = node["description"]?.stringValue ?? ""
            if path == ".metadata" {
                #expect(node["description"] == nil, "the API server refuses a CRD that describes metadata")
            } else {
                #expect(description.count >= 10, "\(path) needs a description")
            }
            let isIntOrString = node["x-kubernetes-int-or-string"] == true
            #expect(node["type"] != nil || isIntOrString, "\(path) needs a type")
            if isIntOrString {
                #expect(node["anyOf"] == [["type": "integer"], ["type": "string"]], "\(path)")
            } else {
                #expect(node["anyOf"] == nil && node["oneOf"] == nil, "\(path) may not use anyOf/oneOf")
            }
            if node["type"] == "array" { #expect(node["items"] != nil, "\(path) needs items") }
            if node["x-kubernetes-list-type"] == "map" {
                let keys = node["x-kubernetes-list-map-keys"]?.arrayValue ?? []
                let required = node["items"]?["required"]?.arrayValue ?? []
                #expect(!keys.isEmpty && keys.allSatisfy(required.contains), "\(path): map keys must be required")
            }
            for rule in node["x-kubernetes-validations"]?.arrayValue ?? [] {
                #expect(!(rule["rule"]?.stringValue ?? "").isEmpty && !(rule["message"]?.stringValue ?? "").isEmpty, "\(path)")
            }
        }
    }

    @Test func namedListsAreMapLists() {
        let spec = AgentTeamSpec.schema
        #expect(spec.properties["models"]?.listMapKeys == ["name"])
        #expect(spec.properties["agents"]?.listMapKeys == ["name"])
        #expect(AgentTeamStatus.schema.properties["conditions"]?.listMapKeys == ["type"])
        #expect(AgentSessionStatus.schema.properties["conditions"]?.listMapKeys == ["type"])
        #expect(RunnerSettings.schema.properties["env"]?.listMapKeys == ["name"])
    }

    @Test func crossFieldRulesAreDeclaredAsCEL() {
        let rules = AgentTeamSpec.schema.validations.map(\.rule)
        #expect(rules.contains { $0.contains("self.models.exists(m, m.name == a.model)") })
        #expect(rules.contains { $0.contains("size(self.agents) >= 2") })
        #expect(RunnerSettings.schema.validations.contains { $0.rule == "!(has(self.replicas) && has(self.autoscaling))" })
        #expect(Autoscaling.schema.validations.contains { $0.rule.contains("self.minReplicas <= self.maxReplicas") })
        #expect(AccessPolicy.schema.validations.contains { $0.rule.hasSuffix("== 1") })
        #expect(AgentSessionSpec.schema.validations.allSatisfy { $0.rule.contains("oldSelf") })
        #expect(AgentTeam.schema.properties["metadata"]?.properties.keys.sorted() == ["name"])
    }

    @Test func namesScopeSubresourcesAndColumns() {
        let teams = EnsembleCRDs.all()[0]
        #expect(teams["metadata"]?["name"] == "agentteams.ensemble.dev")
        #expect(teams["spec"]?["scope"] == "Namespaced")
        #expect(teams["spec"]?["names"]?["shortNames"] == ["agteam"])
        #expect(teams["spec"]?["names"]?["categories"] == ["ensemble"])
        #expect(teams["spec"]?["versions"]?[0]?["subresources"] == ["status": [:]])
        let columns = teams["spec"]?["versions"]?[0]?["additionalPrinterColumns"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
        #expect(columns == ["Mode", "Agents", "Ready", "Replicas", "Tokens", "Budget", "Endpoint", "Age"])

        let sessions = EnsembleCRDs.all()[1]
        #expect(sessions["metadata"]?["name"] == "agentsessions.ensemble.dev")
        #expect(sessions["spec"]?["names"]?["shortNames"] == ["agsession"])
        let sessionColumns = sessions["spec"]?["versions"]?[0]?["additionalPrinterColumns"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
        #expect(sessionColumns == ["Team", "Phase", "Stop Reason", "Tokens", "User", "Age"])
    }

    @Test(arguments: crdNames)
    func printerColumnsReadDeclaredFields(name: String) {
        let descriptor = descriptor(name)
        let declared = SchemaPaths.declared(by: descriptor.schema)
        for column in descriptor.printerColumns where !column.jsonPath.hasPrefix(".metadata") {
            let path = column.jsonPath.dropFirst()
                .replacingOccurrences(of: #"[?(@.type=="Ready")]"#, with: "[]")
                .replacingOccurrences(of: "[*]", with: "[]")
            #expect(declared.contains(path), "\(column.name): \(path) is not in the schema")
        }
    }

    /// The JSON of `value` with only the metadata a CRD schema may describe: the API server checks the rest.
    private func content<T: Encodable & SchemaDescribed>(_ value: T) throws -> JSONValue {
        try Fixtures.describedContent(of: Fixtures.json(value), by: T.schema)
    }

    /// A CEL rule's fieldPath must name a field of the node the rule is attached to, or the API server refuses
    /// the CRD.
    @Test func everyRuleFieldPathNamesADeclaredField() {
        func check(_ schema: Schema, _ path: String) {
            let declared = SchemaPaths.declared(by: schema)
            for rule in schema.validations {
                guard let fieldPath = rule.fieldPath else { continue }
                #expect(fieldPath.hasPrefix(".") && declared.contains(String(fieldPath.dropFirst())), "\(path): \(fieldPath)")
            }
            for (name, property) in schema.properties { check(property, path + "." + name) }
            if let items = schema.items { check(items, path + "[]") }
        }
        check(AgentTeam.schema, "")
        check(AgentSession.schema, "")
    }

    @Test func everyEncodedTeamFieldIsDeclaredAndEveryDeclaredFieldIsEncoded() throws {
        var used: Set<String> = []
        for team in Fixtures.fullyPopulatedTeams {
            let (paths, undeclared) = SchemaPaths.used(in: try content(team), by: AgentTeam.schema)
            #expect(undeclared.isEmpty, "encoded but not in the schema: \(undeclared.sorted())")
            used.formUnion(paths)
        }
        // The overlay reuses the spec's own types, which the spec's paths already cover.
        let overlay = "spec.canary.overlay."
        let missing = SchemaPaths.declared(by: AgentTeam.schema).subtracting(used).filter { path in
            !(path.hasPrefix(overlay) && used.contains("spec." + path.dropFirst(overlay.count)))
        }
        #expect(missing.isEmpty, "in the schema but never encoded: \(missing.sorted())")
    }

    @Test func everyEncodedSessionFieldIsDeclaredAndEveryDeclaredFieldIsEncoded() throws {
        let (used, undeclared) = SchemaPaths.used(in: try content(Fixtures.fullyPopulatedSession), by: AgentSession.schema)
        #expect(undeclared.isEmpty, "encoded but not in the schema: \(undeclared.sorted())")
        let missing = SchemaPaths.declared(by: AgentSession.schema).subtracting(used)
        #expect(missing.isEmpty, "in the schema but never encoded: \(missing.sorted())")
    }

    @Test func fullyPopulatedObjectsPassTheSchema() throws {
        for team in Fixtures.fullyPopulatedTeams {
            #expect(SchemaValidator.validate(try content(team), against: AgentTeam.schema, at: FieldPath("")) == [])
            #expect(team.validate() == [], "\(team.validate().summary)")
        }
        let session = try content(Fixtures.fullyPopulatedSession)
        #expect(SchemaValidator.validate(session, against: AgentSession.schema, at: FieldPath("")) == [])
    }

    /// The API server applies the schema's defaults; `defaulted()` must already contain every one of them.
    @Test func defaultedTeamsAreAFixpointOfSchemaDefaulting() throws {
        for team in [Fixtures.minimalTeam(), Fixtures.selectorTeam(), Fixtures.fullyPopulatedTeam] {
            let defaulted = try Fixtures.json(team.defaulted())
            #expect(SchemaDefaulting.apply(AgentTeam.schema, to: defaulted) == defaulted, "\(team.metadata.name ?? "")")
        }
    }

    @Test func schemaDefaultsPassTheirOwnSchema() {
        func check(_ schema: Schema, _ path: String) {
            if let defaultValue = schema.defaultValue {
                #expect(SchemaValidator.validate(defaultValue, against: schema, at: FieldPath(path)) == [], "\(path)")
            }
            for (name, property) in schema.properties { check(property, path + "." + name) }
            if let items = schema.items { check(items, path + "[]") }
        }
        check(AgentTeam.schema, "")
        check(AgentSession.schema, "")
    }

    @Test func everyPatternCompiles() throws {
        func patterns(_ schema: Schema) -> [String] {
            [schema.pattern].compactMap { $0 } + schema.properties.values.flatMap(patterns)
                + (schema.items.map(patterns) ?? []) + (schema.additionalProperties.map(patterns) ?? [])
        }
        for pattern in patterns(AgentTeam.schema) + patterns(AgentSession.schema) {
            _ = try Regex(pattern)
        }
    }
}
