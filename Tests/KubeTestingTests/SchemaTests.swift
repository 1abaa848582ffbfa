import EnsembleSupport
import Testing
@testable import KubeTesting

/// Parses a YAML schema; fails the test when it is not a valid CRD schema.
private func enforcer(_ yaml: String) throws -> SchemaEnforcer {
    try SchemaEnforcer(schema: YAML.parse(yaml))
}

private func definitionErrors(_ yaml: String) throws -> [String] {
    do {
        _ = try SchemaEnforcer(schema: YAML.parse(yaml))
        return []
    } catch let error as SchemaDefinitionError {
        return error.errors.map(\.description)
    }
}

/// A named custom object whose `spec` is the given YAML.
private func object(spec: String) throws -> JSONValue {
    var object: JSONValue = ["apiVersion": "ensemble.dev/v1alpha1", "kind": "AgentTeam", "metadata": ["name": "team", "namespace": "default"]]
    object["spec"] = try YAML.parse(spec)
    return object
}

private func errors(_ enforcer: SchemaEnforcer, spec: String) throws -> [String] {
    enforcer.admit(try object(spec: spec)).errors.map(\.description)
}

@Suite struct StructuralSchemaTests {
    @Test func acceptsAStructuralSchema() throws {
        let errors = try definitionErrors("""
            type: object
            properties:
              spec:
                type: object
                properties:
                  replicas: {type: integer}
                  labels: {type: object, additionalProperties: {type: string}}
                  agents:
                    type: array
                    x-kubernetes-list-type: map
                    x-kubernetes-list-map-keys: [name]
                    items: {type: object, required: [name], properties: {name: {type: string}}}
              status: {type: object, x-kubernetes-preserve-unknown-fields: true}
            """)
        #expect(errors.isEmpty)
    }

    @Test func reportsMissingTypesWithTheApiserversPaths() throws {
        let errors = try definitionErrors("""
            type: object
            properties:
              spec:
                properties:
                  agents: {type: array}
                  tags: {type: array, items: {description: a tag}}
            """)
        #expect(errors == [
            "spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[agents].items: Required value: must be specified",
            "spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[tags].items.type: Required value: must not be empty for specified array items",
            "spec.versions[0].schema.openAPIV3Schema.properties[spec].type: Required value: must not be empty for specified object fields",
        ])
    }

    @Test func requiresAnObjectAtTheRoot() throws {
        #expect(try definitionErrors("{properties: {spec: {type: object}}}") == [
            "spec.versions[0].schema.openAPIV3Schema.type: Required value: must not be empty at the root"
        ])
        #expect(try definitionErrors("{type: string}") == [
            "spec.versions[0].schema.openAPIV3Schema.type: Invalid value: \"string\": must be object at the root"
        ])
    }

    @Test func restrictsMetadataToNameAndGenerateName() throws {
        let errors = try definitionErrors("""
            type: object
            properties:
              metadata:
                type: object
                properties:
                  labels: {type: object}
            """)
        #expect(errors == [
            "spec.versions[0].schema.openAPIV3Schema.properties[metadata]: Forbidden: must not specify anything other than name and generateName, but metadata is implicitly specified"
        ])
        #expect(try definitionErrors("{type: object, properties: {metadata: {type: object, properties: {name: {type: string, maxLength: 20}}}}}").isEmpty)
    }

    @Test func refusesStructureInsideValueValidations() throws {
        let errors = try definitionErrors("""
            type: object
            properties:
              spec:
                type: object
                properties:
                  port:
                    x-kubernetes-int-or-string: true
                    anyOf: [{type: integer}, {type: string}]
                  size:
                    type: string
                    anyOf: [{type: string, maxLength: 3}]
            """)
        #expect(errors == [
            "spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[size].anyOf[0].type: Forbidden: must be empty to be structural"
        ])
    }

    @Test func refusesKeywordsCRDsDoNotSupport() throws {
        let errors = try definitionErrors("""
            type: object
            properties:
              spec:
                type: object
                properties:
                  tags: {type: array, uniqueItems: true, items: {type: string}}
                  labels: {type: object, properties: {a: {type: string}}, additionalProperties: {type: string}}
                  options: {type: object, x-kubernetes-preserve-unknown-fields: false}
            """)
        #expect(errors == [
            "spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[labels].additionalProperties: Forbidden: additionalProperties and properties are mutual exclusive",
            "spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[options].x-kubernetes-preserve-unknown-fields: Invalid value: false: must be true or undefined",
            "spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[tags].uniqueItems: Forbidden: uniqueItems cannot be set to true since the runtime complexity becomes quadratic",
        ])
    }

    @Test func checksListTypeExtensions() throws {
        let errors = try definitionErrors("""
            type: object
            properties:
              agents:
                type: array
                x-kubernetes-list-type: map
                items: {type: object, properties: {name: {type: string}}}
              models:
                type: array
                x-kubernetes-list-type: map
                x-kubernetes-list-map-keys: [name]
                items: {type: object, properties: {name: {type: string}}}
            """)
        #expect(errors == [
            "spec.versions[0].schema.openAPIV3Schema.properties[agents].x-kubernetes-list-map-keys: Required value: must not be empty if x-kubernetes-list-type is map",
            "spec.versions[0].schema.openAPIV3Schema.properties[models].items.properties[name].default: Required value: this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property",
        ])
    }

    @Test func requiresDefaultsToValidateAndBePruned() throws {
        let errors = try definitionErrors("""
            type: object
            properties:
              spec:
                type: object
                properties:
                  replicas: {type: integer, minimum: 0, default: -1}
                  chat: {type: object, properties: {mode: {type: string}}, default: {mode: single, extra: 1}}
            """)
        #expect(errors == [
            "spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[chat].default: Invalid value: map[string]interface {}{\"extra\":1, \"mode\":\"single\"}: must not have unknown fields",
            "spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[replicas].default: Invalid value: -1:  in body should be greater than or equal to 0",
        ])
    }

    @Test func reportsSchemaDocumentsOfTheWrongShape() {
        #expect(throws: StructuralSchemaDecodingError.self) {
            try StructuralSchema(json: YAML.parse("{type: object, required: spec}"))
        }
    }
}

@Suite struct SchemaValidatorTests {
    @Test func integerRejectsFractionsAndNumberAcceptsIntegers() throws {
        let schema = try enforcer("""
            type: object
            properties:
              spec:
                type: object
                properties:
                  replicas: {type: integer, format: int32}
                  count: {type: integer}
                  temperature: {type: number}
            """)
        #expect(try errors(schema, spec: "{replicas: 2, temperature: 1}").isEmpty)
        #expect(try errors(schema, spec: "{replicas: 2.0, temperature: 0.5}").isEmpty)
        #expect(try errors(schema, spec: "{count: 1.5}") == [
            "spec.count: Invalid value: \"number\": spec.count in body must be of type integer: \"number\""
        ])
        #expect(try errors(schema, spec: "{replicas: 1.5}") == [
            "spec.replicas: Invalid value: \"float64\": spec.replicas in body must be of type int32: \"float64\""
        ])
        #expect(try errors(schema, spec: "{temperature: hot}") == [
            "spec.temperature: Invalid value: \"string\": spec.temperature in body must be of type number: \"string\""
        ])
    }

    @Test func boundsUseTheApiserversWording() throws {
        let schema = try enforcer("""
            type: object
            properties:
              spec:
                type: object
                properties:
                  replicas: {type: integer, minimum: 0, maximum: 10}
                  workers: {type: integer, minimum: 0, exclusiveMinimum: true}
                  temperature: {type: number, maximum: 2}
                  budget: {type: number, maximum: 1000000}
            """)
        #expect(try errors(schema, spec: "{replicas: -1}") == [
            "spec.replicas: Invalid value: -1: spec.replicas in body should be greater than or equal to 0"
        ])
        #expect(try errors(schema, spec: "{replicas: 11}") == [
            "spec.replicas: Invalid value: 11: spec.replicas in body should be less than or equal to 10"
        ])
        #expect(try errors(schema, spec: "{workers: 0}") == [
            "spec.workers: Invalid value: 0: spec.workers in body should be greater than 0"
        ])
        #expect(try errors(schema, spec: "{temperature: 2.5}") == [
            "spec.temperature: Invalid value: 2.5: spec.temperature in body should be less than or equal to 2"
        ])
        #expect(try errors(schema, spec: "{budget: 1500000.5}") == [
            "spec.budget: Invalid value: 1.5000005e+06: spec.budget in body should be less than or equal to 1e+06"
        ])
        #expect(try errors(schema, spec: "{replicas: 10, workers: 1, temperature: 2, budget: 5}").isEmpty)
    }

    @Test func stringKeywords() throws {
        let schema = try enforcer("""
            type: object
            properties:
              spec:
                type: object
                properties:
                  name: {type: string, minLength: 1, maxLength: 5, pattern: '^[a-z]+$'}
                  startedAt: {type: string, format: date-time}
                  mode: {type: string, enum: [single, roundRobin]}
                  level: {type: integer, enum: [1, 2]}
            """)
        #expect(try errors(schema, spec: "{name: abc, startedAt: '2024-05-01T10:00:00Z', mode: single, level: 2}").isEmpty)
        #expect(try errors(schema, spec: "{name: abcdef}") == ["spec.name: Too long: may not be longer than 5"])
        #expect(try errors(schema, spec: "{name: ''}") == [
            "spec.name: Invalid value: \"\": spec.name in body should be at least 1 chars long"
        ])
        #expect(try errors(schema, spec: "{name: Abc}") == [
            "spec.name: Invalid value: \"Abc\": spec.name in body should match '^[a-z]+$'"
        ])
        #expect(try errors(schema, spec: "{startedAt: yesterday}") == [
            "spec.startedAt: Invalid value: \"yesterday\": spec.startedAt in body must be of type date-time: \"yesterday\""
        ])
        #expect(try errors(schema, spec: "{mode: parallel}") == [
            "spec.mode: Unsupported value: \"parallel\": supported values: \"single\", \"roundRobin\""
        ])
        #expect(try errors(schema, spec: "{level: 3}") == ["spec.level: Unsupported value: 3: supported values: \"1\", \"2\""])
    }

    @Test func arrayAndObjectSizes() throws {
        let schema = try enforcer("""
            type: object
            properties:
              spec:
                type: object
                required: [agents]
                properties:
                  agents:
                    type: array
                    minItems: 1
                    maxItems: 2
                    items: {type: object, required: [name], properties: {name: {type: string}, model: {type: string}}}
                  labels: {type: object, maxProperties: 2, additionalProperties: {type: string, maxLength: 3}}
            """)
        #expect(try errors(schema, spec: "{agents: [{name: a}]}").isEmpty)
        #expect(try errors(schema, spec: "{labels: {}}") == ["spec.agents: Required value"])
        #expect(try errors(schema, spec: "{agents: []}") == [
            "spec.agents: Invalid value: 0: spec.agents in body should have at least 1 items"
        ])
        #expect(try errors(schema, spec: "{agents: [{name: a}, {name: b}, {name: c}]}") == [
            "spec.agents: Too many: 3: must have at most 2 items"
        ])
        #expect(try errors(schema, spec: "{agents: [{name: a}, {model: m}]}") == ["spec.agents[1].name: Required value"])
        #expect(try errors(schema, spec: "{agents: [{name: a}], labels: {a: x, b: y, c: z}}") == [
            "spec.labels: Too many: 3: must have at most 2 items"
        ])
        #expect(try errors(schema, spec: "{agents: [{name: a}], labels: {team: blue-green}}") == ["spec.labels.team: Too long: may not be longer than 3"])
    }

    @Test func nullsAreDroppedUnlessNullable() throws {
        let schema = try enforcer("""
            type: object
            properties:
              spec:
                type: object
                required: [model]
                properties:
                  model: {type: string}
                  note: {type: string, nullable: true}
                  tags: {type: array, items: {type: string}}
            """)
        let admitted = schema.admit(try object(spec: "{model: gpt, note: null, tags: null}"))
        #expect(admitted.errors.isEmpty)
        #expect(admitted.object["spec"] == ["model": "gpt", "note": nil])
        #expect(try errors(schema, spec: "{model: null}") == ["spec.model: Required value"])
    }

    @Test func intOrStringAcceptsBothAndRejectsTheRest() throws {
        let schema = try enforcer("""
            type: object
            properties:
              spec:
                type: object
                properties:
                  maxUnavailable:
                    x-kubernetes-int-or-string: true
                    anyOf: [{type: integer}, {type: string}]
            """)
        #expect(try errors(schema, spec: "{maxUnavailable: 1}").isEmpty)
        #expect(try errors(schema, spec: "{maxUnavailable: 25%}").isEmpty)
        #expect(try errors(schema, spec: "{maxUnavailable: true}") == [
            "<nil>: Invalid value: \"\": \"spec.maxUnavailable\" must validate at least one schema (anyOf)",
            "spec.maxUnavailable: Invalid value: \"boolean\": spec.maxUnavailable in body must be of type integer: \"boolean\"",
        ])
    }

    @Test func mapListsAndSetsRejectDuplicates() throws {
        let schema = try enforcer("""
            type: object
            properties:
              spec:
                type: object
                properties:
                  agents:
                    type: array
                    x-kubernetes-list-type: map
                    x-kubernetes-list-map-keys: [name]
                    items: {type: object, required: [name], properties: {name: {type: string}, model: {type: string}}}
                  tags: {type: array, x-kubernetes-list-type: set, items: {type: string}}
            """)
        #expect(try errors(schema, spec: "{agents: [{name: a}, {name: b}], tags: [x, y]}").isEmpty)
        #expect(try errors(schema, spec: "{agents: [{name: a, model: m1}, {name: b}, {name: a, model: m2}]}") == [
            "spec.agents[2]: Duplicate value: map[string]interface {}{\"name\":\"a\"}"
        ])
        #expect(try errors(schema, spec: "{tags: [x, y, x, x]}") == ["spec.tags[2]: Duplicate value: \"x\""])
    }

    @Test func embeddedResourcesNeedTypeMeta() throws {
        let schema = try enforcer("""
            type: object
            properties:
              spec:
                type: object
                properties:
                  template:
                    type: object
                    x-kubernetes-embedded-resource: true
                    x-kubernetes-preserve-unknown-fields: true
            """)
        #expect(try errors(schema, spec: "{template: {apiVersion: v1, kind: Pod, metadata: {name: runner}}}").isEmpty)
        #expect(try errors(schema, spec: "{template: {apiVersion: v1, metadata: {name: a/b}}}") == [
            "spec.template.kind: Required value",
            "spec.template.metadata.name: Invalid value: \"a/b\": may not contain '/'",
        ])
    }

    @Test func objectNamesAreDNSSubdomains() throws {
        let schema = try enforcer("{type: object, properties: {spec: {type: object}}}")
        var invalid = try object(spec: "{}")
        invalid["metadata"] = ["name": "Team_1"]
        #expect(schema.admit(invalid).errors.map(\.description).first
            == "metadata.name: Invalid value: \"Team_1\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')")
        let constrained = try enforcer("{type: object, properties: {metadata: {type: object, properties: {name: {type: string, maxLength: 3}}}}}")
        #expect(try errors(constrained, spec: "{}") == ["metadata.name: Too long: may not be longer than 3"])
    }

    @Test func unchangedFieldsAreRatchetedOnUpdate() throws {
        let schema = try enforcer("""
            type: object
            properties:
              spec:
                type: object
                properties:
                  name: {type: string, maxLength: 3}
                  replicas: {type: integer}
            """)
        let stored = try object(spec: "{name: legacy, replicas: 1}")
        #expect(schema.admit(try object(spec: "{name: legacy, replicas: 2}"), old: stored).errors.isEmpty)
        #expect(schema.admit(try object(spec: "{name: longer, replicas: 2}"), old: stored).errors.map(\.description) == [
            "spec.name: Too long: may not be longer than 3"
        ])
    }

    @Test func fieldErrorsCarryTheStatusCauseParts() {
        let error = FieldError.invalid("spec.replicas", value: -1, detail: "must be positive")
        #expect(error.type.rawValue == "FieldValueInvalid")
        #expect(error.message == "Invalid value: -1: must be positive")
        #expect(FieldError.required("").description == "<nil>: Required value")
        #expect(FieldError.invalid("spec", value: ["a": 1, "b": [true, nil]], detail: "x").message
            == "Invalid value: map[string]interface {}{\"a\":1, \"b\":[]interface {}{true, interface {}(nil)}}: x")
    }

    @Test func floatsPrintAsGoPrintsThem() {
        #expect(SchemaValueFormat.float(1_000_000) == "1e+06")
        #expect(SchemaValueFormat.float(123_456) == "123456")
        #expect(SchemaValueFormat.float(0.5) == "0.5")
        #expect(SchemaValueFormat.float(0.00001) == "1e-05")
        #expect(SchemaValueFormat.float(-2) == "-2")
        #expect(SchemaValueFormat.float(1234567.5) == "1.2345675e+06")
    }
}

@Suite struct SchemaPruningTests {
    private let schema = """
        type: object
        properties:
          spec:
            type: object
            properties:
              agents:
                type: array
                items: {type: object, properties: {name: {type: string}}}
              labels: {type: object, additionalProperties: {type: string}}
              options:
                type: object
                x-kubernetes-preserve-unknown-fields: true
                properties:
                  retry: {type: object, properties: {attempts: {type: integer}}}
              template:
                type: object
                x-kubernetes-embedded-resource: true
                properties:
                  spec: {type: object, x-kubernetes-preserve-unknown-fields: true}
        """

    @Test func dropsUnknownFieldsAndReportsTheirPaths() throws {
        let enforcer = try enforcer(schema)
        var input = try object(spec: """
            agents: [{name: a, role: lead}, {name: b}]
            labels: {team: blue}
            colour: red
            options: {anything: [1, 2], retry: {attempts: 3, backoff: linear}}
            template: {apiVersion: v1, kind: Pod, metadata: {name: runner, colour: red}, spec: {containers: []}, extra: 1}
            """)
        input["metadata"]?["shoeSize"] = 44
        let admitted = enforcer.admit(input)
        #expect(admitted.errors.isEmpty)
        #expect(admitted.unknownFields == [
            "metadata.shoeSize", "spec.agents[0].role", "spec.colour", "spec.options.retry.backoff",
            "spec.template.extra", "spec.template.metadata.colour",
        ])
        #expect(admitted.warnings.first == "unknown field \"metadata.shoeSize\"")
        #expect(admitted.object["spec"] == [
            "agents": [["name": "a"], ["name": "b"]],
            "labels": ["team": "blue"],
            "options": ["anything": [1, 2], "retry": ["attempts": 3]],
            "template": ["apiVersion": "v1", "kind": "Pod", "metadata": ["name": "runner", "creationTimestamp": nil], "spec": ["containers": []]],
        ])
        #expect(admitted.object["apiVersion"] == "ensemble.dev/v1alpha1")
        #expect(admitted.object["metadata"] == ["name": "team", "namespace": "default"])
    }

    @Test func prunesWithoutASchemaEverythingBelowAnObject() throws {
        let schema = try StructuralSchema(json: YAML.parse("{type: object, properties: {spec: {type: object}}}"))
        let pruned = SchemaPruner.prune(["spec": ["a": 1]], schema: schema)
        #expect(pruned.object == ["spec": [:]])
        #expect(pruned.unknownFields == ["spec.a"])
    }
}

@Suite struct SchemaDefaultingTests {
    private let schema = """
        type: object
        properties:
          spec:
            type: object
            default: {}
            properties:
              mode: {type: string, default: single}
              chat:
                type: object
                default: {}
                properties:
                  maxRounds: {type: integer, default: 10}
                  note: {type: string, nullable: true, default: none}
              timeoutSeconds: {type: integer, default: 60}
              agents:
                type: array
                items: {type: object, properties: {name: {type: string}, temperature: {type: number, default: 0.7}}}
        """

    @Test func fillsMissingFieldsAndDefaultsInsideDefaults() throws {
        let admitted = try enforcer(schema).admit(["apiVersion": "ensemble.dev/v1alpha1", "kind": "AgentTeam", "metadata": ["name": "t"]])
        #expect(admitted.errors.isEmpty)
        #expect(admitted.object["spec"] == [
            "mode": "single", "timeoutSeconds": 60, "chat": ["maxRounds": 10, "note": "none"],
        ])
    }

    @Test func replacesNonNullableNullsAndKeepsNullableOnes() throws {
        let admitted = try enforcer(schema).admit(try object(spec: "{mode: null, chat: {note: null}, agents: [{name: a}]}"))
        #expect(admitted.object["spec"] == [
            "mode": "single", "timeoutSeconds": 60, "chat": ["maxRounds": 10, "note": nil],
            "agents": [["name": "a", "temperature": 0.7]],
        ])
    }

    @Test func appliesDefaultsOnRead() throws {
        let stored = try object(spec: "{mode: roundRobin}")
        #expect(try enforcer(schema).applyDefaults(stored)["spec"]?["timeoutSeconds"] == 60)
        #expect(try enforcer(schema).applyDefaults(stored)["spec"]?["mode"] == "roundRobin")
    }
}
