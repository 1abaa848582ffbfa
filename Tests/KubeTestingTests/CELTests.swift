import EnsembleSupport
import Testing
@testable import KubeTesting

/// Compiles `source` with `self` bound to the JSON value (typed from the JSON itself) and evaluates it.
private func evaluate(_ source: String, self json: JSONValue = [:]) throws -> CELValue {
    let value = CELValue(json: json, schema: nil)
    let program = try CELProgram(compiling: source, selfType: .dyn, resultType: .bool)
    return try program.evaluate(self: value, oldSelf: nil)
}

private func isTrue(_ source: String, self json: JSONValue = [:]) throws -> Bool {
    guard case .bool(let result) = try evaluate(source, self: json) else { return false }
    return result
}

private func evaluationError(_ source: String, self json: JSONValue = [:]) -> CELEvaluationError? {
    do {
        _ = try evaluate(source, self: json)
        return nil
    } catch let error as CELEvaluationError {
        return error
    } catch {
        return nil
    }
}

private func enforcer(_ yaml: String) throws -> SchemaEnforcer {
    try SchemaEnforcer(schema: YAML.parse(yaml))
}

private func object(spec: String) throws -> JSONValue {
    ["apiVersion": "ensemble.dev/v1alpha1", "kind": "AgentTeam", "metadata": ["name": "team"], "spec": try YAML.parse(spec)]
}

private func definitionErrors(_ yaml: String) throws -> [String] {
    do {
        _ = try SchemaEnforcer(schema: YAML.parse(yaml))
        return []
    } catch let error as SchemaDefinitionError {
        return error.errors.map(\.description)
    }
}

@Suite struct CELEvaluationTests {
    @Test func arithmeticAndComparisons() throws {
        #expect(try isTrue("1 + 2 * 3 == 7 && (1 + 2) * 3 == 9"))
        #expect(try isTrue("7 / 2 == 3 && 7 % 2 == 1 && -7 / 2 == -3"))
        #expect(try isTrue("1.5 * 2.0 == 3.0 && 2 < 2.5 && 3u > 2u"))
        #expect(try isTrue("'a' + 'b' == 'ab' && [1] + [2] == [1, 2] && 'abc' < 'abd'"))
        #expect(try isTrue("!false && !(1 > 2) ? true : false"))
        #expect(try isTrue("2 in [1, 2, 3] && 'k' in {'k': 1} && !('x' in {'k': 1})"))
    }

    @Test func stringFunctions() throws {
        #expect(try isTrue("'gpt-4o'.startsWith('gpt') && 'gpt-4o'.endsWith('4o') && 'gpt-4o'.contains('-')"))
        #expect(try isTrue("'team-a'.matches('^[a-z]+-[a-z]$') && !'Team'.matches('^[a-z]+$') && matches('x1', '[0-9]')"))
        #expect(try isTrue("size('héllo') == 5 && 'héllo'.size() == 5"))
        #expect(try isTrue("'A-b'.lowerAscii() == 'a-b' && 'a,b,c'.split(',') == ['a', 'b', 'c'] && ['a', 'b'].join('-') == 'a-b'"))
        #expect(try isTrue("'hello'.substring(1, 3) == 'el' && 'hello'.indexOf('l') == 2 && 'hello'.lastIndexOf('l') == 3"))
        #expect(try isTrue("string(42) == '42' && int('7') == 7 && double(2) == 2.0 && int(2.9) == 2"))
    }

    @Test func macros() throws {
        let spec: JSONValue = ["items": [1, 2, 3], "labels": ["x-a": "1", "x-b": "2"]]
        #expect(try isTrue("self.items.all(i, i > 0) && self.items.exists(i, i == 2) && self.items.exists_one(i, i > 2)", self: spec))
        #expect(try isTrue("self.items.map(i, i * 2) == [2, 4, 6] && self.items.filter(i, i % 2 == 1) == [1, 3]", self: spec))
        #expect(try isTrue("self.items.map(i, i > 1, i * 10) == [20, 30]", self: spec))
        #expect(try isTrue("self.labels.all(k, k.startsWith('x-')) && size(self.labels) == 2", self: spec))
        #expect(try isTrue("[].all(x, x > 0) && ![].exists(x, x > 0)"))
    }

    @Test func presenceAndMissingFields() throws {
        let spec: JSONValue = ["replicas": 3]
        #expect(try isTrue("has(self.replicas) && !has(self.autoscaling)", self: spec))
        #expect(evaluationError("self.autoscaling.minReplicas > 0", self: spec) == .message("no such key: autoscaling"))
        #expect(try isTrue("!has(self.autoscaling) || self.autoscaling.minReplicas > 0", self: spec))
    }

    @Test func errorsAreAbsorbedByTheDecidingOperand() throws {
        #expect(try isTrue("!(1 / 0 == 1 && false)"))
        #expect(try isTrue("1 / 0 == 1 || true"))
        #expect(evaluationError("1 / 0 == 1 && true") == .message("division by zero"))
        #expect(evaluationError("9223372036854775807 + 1 > 0") == .message("integer overflow"))
        #expect(evaluationError("[1, 2][5] == 1") == .message("index out of bounds: 5"))
    }

    @Test func literals() throws {
        #expect(try isTrue(#"'it\'s' == "it's" && r'\d' == '\\d' && '''multi'''.size() == 5 && 0x10 == 16 && 1e3 == 1000.0"#))
        #expect(try isTrue("{'a': [1, 2]}['a'][1] == 2 && null == null && [1, 'a'.size()] == [1, 1]"))
    }

    @Test func compileErrorsPointAtTheProblem() {
        func compileError(_ source: String, selfType: CELType = .dyn) -> String? {
            do {
                _ = try CELProgram(compiling: source, selfType: selfType, resultType: .bool)
                return nil
            } catch {
                return error.issues.isEmpty ? "must evaluate to a bool" : error.issues
            }
        }
        #expect(compileError("foo(self)") == "ERROR: <input>:1:1: undeclared reference to 'foo' (in container '')\n | foo(self)\n | ^")
        #expect(compileError("self.x.frobnicate()") == "ERROR: <input>:1:18: undeclared reference to 'frobnicate' (in container '')\n | self.x.frobnicate()\n | .................^")
        #expect(compileError("self.replica > 0", selfType: .object(name: "spec", fields: ["replicas": .int])) == "ERROR: <input>:1:5: undefined field 'replica'\n | self.replica > 0\n | ....^")
        #expect(compileError("self.replicas + 'a' > 0", selfType: .object(name: "spec", fields: ["replicas": .int])) == "ERROR: <input>:1:15: found no matching overload for '_+_' applied to '(int, string)'\n | self.replicas + 'a' > 0\n | ..............^")
        #expect(compileError("1 + ") == "ERROR: <input>:1:5: Syntax error: mismatched input '<EOF>' expecting {'[', '{', '(', '.', '-', '!', 'true', 'false', 'null', NUM_FLOAT, NUM_INT, NUM_UINT, STRING, BYTES, IDENTIFIER}\n | 1 + \n | ....^")
        #expect(compileError("self.size()") == "must evaluate to a bool")
    }
}

@Suite struct CELValidationRuleTests {
    private let runnerSchema = """
        type: object
        properties:
          spec:
            type: object
            properties:
              runner:
                type: object
                x-kubernetes-validations:
                  - rule: "!(has(self.replicas) && has(self.autoscaling))"
                    message: replicas and autoscaling are mutually exclusive
                properties:
                  replicas: {type: integer}
                  autoscaling:
                    type: object
                    x-kubernetes-validations:
                      - rule: self.minReplicas <= self.maxReplicas
                    properties:
                      minReplicas: {type: integer}
                      maxReplicas: {type: integer}
        """

    @Test func crossFieldRules() throws {
        let enforcer = try enforcer(runnerSchema)
        #expect(enforcer.admit(try object(spec: "{runner: {replicas: 2}}")).errors.isEmpty)
        #expect(enforcer.admit(try object(spec: "{runner: {autoscaling: {minReplicas: 1, maxReplicas: 3}}}")).errors.isEmpty)
        #expect(enforcer.admit(try object(spec: "{runner: {replicas: 2, autoscaling: {minReplicas: 1, maxReplicas: 3}}}")).errors.map(\.description) == [
            "spec.runner: Invalid value: replicas and autoscaling are mutually exclusive"
        ])
        let failed = enforcer.admit(try object(spec: "{runner: {autoscaling: {minReplicas: 5, maxReplicas: 3}}}")).errors
        #expect(failed.map(\.description) == ["spec.runner.autoscaling: Invalid value: failed rule: self.minReplicas <= self.maxReplicas"])
        #expect(failed.first?.type == .invalid)
    }

    @Test func agentsMustReferenceDeclaredModels() throws {
        let enforcer = try enforcer("""
            type: object
            properties:
              spec:
                type: object
                x-kubernetes-validations:
                  - rule: self.agents.all(a, self.models.exists(m, m.name == a.model))
                    messageExpression: "'every agent must use a declared model; models: ' + self.models.map(m, m.name).join(', ')"
                properties:
                  models: {type: array, items: {type: object, properties: {name: {type: string}}}}
                  agents: {type: array, items: {type: object, properties: {name: {type: string}, model: {type: string}}}}
            """)
        #expect(enforcer.admit(try object(spec: "{models: [{name: fast}], agents: [{name: a, model: fast}]}")).errors.isEmpty)
        #expect(enforcer.admit(try object(spec: "{models: [{name: fast}, {name: big}], agents: [{name: a, model: slow}]}")).errors.map(\.description) == [
            "spec: Invalid value: every agent must use a declared model; models: fast, big"
        ])
    }

    @Test func transitionRulesRunOnlyOnUpdate() throws {
        let enforcer = try enforcer("""
            type: object
            properties:
              spec:
                type: object
                properties:
                  teamRef:
                    type: string
                    x-kubernetes-validations:
                      - {rule: self == oldSelf, message: teamRef is immutable}
            """)
        let created = try object(spec: "{teamRef: alpha}")
        #expect(enforcer.admit(created).errors.isEmpty)
        #expect(enforcer.admit(created, old: created).errors.isEmpty)
        #expect(enforcer.admit(try object(spec: "{teamRef: beta}"), old: created).errors.map(\.description) == [
            "spec.teamRef: Invalid value: \"beta\": teamRef is immutable"
        ])
        #expect(enforcer.admit(try object(spec: "{teamRef: beta}"), old: try object(spec: "{}")).errors.isEmpty)
    }

    @Test func reasonsAndFieldPaths() throws {
        let enforcer = try enforcer("""
            type: object
            properties:
              spec:
                type: object
                x-kubernetes-validations:
                  - rule: "!has(self.apiKey)"
                    message: put the key in a Secret
                    reason: FieldValueForbidden
                    fieldPath: .apiKey
                  - rule: has(self.model)
                    message: a model is required
                    reason: FieldValueRequired
                    fieldPath: .model
                properties:
                  apiKey: {type: string}
                  model: {type: string}
            """)
        let errors = enforcer.admit(try object(spec: "{apiKey: sk-123}")).errors
        #expect(errors.map(\.description) == [
            "spec.apiKey: Forbidden: put the key in a Secret",
            "spec.model: Required value: a model is required",
        ])
        #expect(errors.map(\.type) == [.forbidden, .required])
    }

    @Test func rulesAreSkippedWhenTheObjectIsIllTyped() throws {
        let enforcer = try enforcer(runnerSchema)
        #expect(enforcer.admit(try object(spec: "{runner: {replicas: two, autoscaling: {}}}")).errors.map(\.description) == [
            "spec.runner.replicas: Invalid value: \"string\": spec.runner.replicas in body must be of type integer: \"string\"",
            "<nil>: Invalid value: \"null\": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation",
        ])
    }

    @Test func evaluationErrorsNameTheRule() throws {
        let enforcer = try enforcer("""
            type: object
            properties:
              spec:
                type: object
                x-kubernetes-validations: [{rule: self.budget.tokensPerDay > 0}]
                properties:
                  budget: {type: object, properties: {tokensPerDay: {type: integer}}}
            """)
        #expect(enforcer.admit(try object(spec: "{budget: {}}")).errors.map(\.description) == [
            "spec: Invalid value: \"object\": no such key: tokensPerDay evaluating rule: self.budget.tokensPerDay > 0"
        ])
    }

    @Test func rulesSeeMapKeysAndRootMetadata() throws {
        let enforcer = try enforcer("""
            type: object
            x-kubernetes-validations:
              - {rule: "self.metadata.name.size() <= 10", message: name too long for a team}
            properties:
              spec:
                type: object
                properties:
                  env:
                    type: object
                    additionalProperties: {type: string}
                    x-kubernetes-validations: [{rule: "self.all(k, k.matches('^[A-Z_]+$'))"}]
            """)
        #expect(enforcer.admit(try object(spec: "{env: {LOG_LEVEL: debug}}")).errors.isEmpty)
        var object = try object(spec: "{env: {logLevel: debug}}")
        object["metadata"] = ["name": "a-very-long-team"]
        #expect(enforcer.admit(object).errors.map(\.description) == [
            "<nil>: Invalid value: name too long for a team",
            "spec.env: Invalid value: failed rule: self.all(k, k.matches('^[A-Z_]+$'))",
        ])
    }

    @Test func unchangedValuesRatchetRuleFailuresIntoWarnings() throws {
        let enforcer = try enforcer("""
            type: object
            properties:
              spec:
                type: object
                properties:
                  budget:
                    type: object
                    x-kubernetes-validations: [{rule: self.tokensPerDay >= 1000, message: budget too small}]
                    properties: {tokensPerDay: {type: integer}}
                  note: {type: string}
            """)
        let stored = try object(spec: "{budget: {tokensPerDay: 10}, note: a}")
        let admitted = enforcer.admit(try object(spec: "{budget: {tokensPerDay: 10}, note: b}"), old: stored)
        #expect(admitted.errors.isEmpty)
        #expect(admitted.warnings == ["spec.budget: Invalid value: budget too small"])
        #expect(enforcer.admit(try object(spec: "{budget: {tokensPerDay: 20}}"), old: stored).errors.count == 1)
    }

    @Test func unknownFunctionsAreCompileErrorsAtCRDCreation() throws {
        #expect(try definitionErrors("""
            type: object
            properties:
              spec:
                type: object
                x-kubernetes-validations: [{rule: frobnicate(self)}]
            """) == [
            "spec.versions[0].schema.openAPIV3Schema.properties[spec].x-kubernetes-validations[0].rule: Invalid value: apiextensions.ValidationRule{Rule:\"frobnicate(self)\", Message:\"\", MessageExpression:\"\", Reason:(*apiextensions.FieldValueErrorReason)(nil), FieldPath:\"\", OptionalOldSelf:(*bool)(nil)}: compilation failed: ERROR: <input>:1:1: undeclared reference to 'frobnicate' (in container '')\n | frobnicate(self)\n | ^"
        ])
    }

    @Test func ruleShapesAreCheckedAtCRDCreation() throws {
        let errors = try definitionErrors("""
            type: object
            properties:
              spec:
                type: object
                properties:
                  replicas:
                    type: integer
                    x-kubernetes-validations: [{rule: self + 1}]
                  tags:
                    type: array
                    items:
                      type: string
                      x-kubernetes-validations: [{rule: self == oldSelf}]
                  mode:
                    type: string
                    x-kubernetes-validations: [{rule: "self != ''", reason: FieldValueWrong, fieldPath: .nothing}]
            """)
        #expect(errors == [
            "spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[mode].x-kubernetes-validations[0].reason: Unsupported value: \"FieldValueWrong\": supported values: \"FieldValueDuplicate\", \"FieldValueForbidden\", \"FieldValueInvalid\", \"FieldValueRequired\"",
            "spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[mode].x-kubernetes-validations[0].fieldPath: Invalid value: \".nothing\": fieldPath must be a valid path",
        ])
        let compileErrors = try definitionErrors("""
            type: object
            properties:
              spec:
                type: object
                properties:
                  replicas:
                    type: integer
                    x-kubernetes-validations: [{rule: self + 1}]
                  tags:
                    type: array
                    items:
                      type: string
                      x-kubernetes-validations: [{rule: self == oldSelf}]
            """)
        #expect(compileErrors.count == 2)
        #expect(compileErrors.contains { $0.hasSuffix("x-kubernetes-validations[0].rule: Invalid value: apiextensions.ValidationRule{Rule:\"self + 1\", Message:\"\", MessageExpression:\"\", Reason:(*apiextensions.FieldValueErrorReason)(nil), FieldPath:\"\", OptionalOldSelf:(*bool)(nil)}: cel expression must evaluate to a bool") })
        #expect(compileErrors.contains("spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[tags].items.x-kubernetes-validations[0].rule: Invalid value: \"self == oldSelf\": oldSelf cannot be used on the uncorrelatable portion of the schema within spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[tags]"))
    }
}
