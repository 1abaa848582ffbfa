import EnsembleAPI
import EnsembleSupport
import Foundation
import KubeTesting
import Testing

/// The generated Ensemble CRDs as kube-apiserver would enforce them (structural schema, OpenAPI validation,
/// CEL rules), and the controller's Swift validation agreeing with them field by field.
@Suite struct EnsembleCRDSchemaTests {
    @Test(arguments: CRDVersion.all)
    func everyVersionSchemaIsStructuralAndItsRulesCompile(version: CRDVersion) {
        do {
            _ = try version.enforcer()
        } catch {
            Issue.record("the API server would refuse \(version.testDescription): \(error.description)")
        }
    }

    @Test(arguments: Sample.all)
    func everySampleIsAdmittedAsWritten(sample: Sample) throws {
        let manifests = try sample.manifests()
        #expect(!manifests.isEmpty)
        for manifest in manifests {
            let admission = try CRDVersion.enforcer(for: manifest).admit(manifest)
            #expect(admission.errors.map(\.description) == [])
            #expect(admission.unknownFields == [])
            #expect(admission.warnings == [])
            #expect(try ControllerVerdict(on: admission.object) == .valid)
        }
    }

    @Test(arguments: RejectedManifest.all)
    func invalidManifestIsRejectedAtTheFieldTheControllerNames(rejected: RejectedManifest) throws {
        let manifest = try YAML.parse(rejected.manifest)
        let admission = try CRDVersion.enforcer(for: manifest).admit(manifest)
        #expect(admission.errors.map(\.description) == rejected.errors)

        let verdict = try ControllerVerdict(on: admission.object)
        switch (rejected.controller, verdict) {
        case (.decodingFails, .undecodable(let field)):
            #expect([field] == rejected.fields)
        case (.sameErrors, .invalid(let errors)):
            #expect(errors.map(\.description).sorted() == rejected.errors.sorted())
        case (.sameFields, .invalid(let errors)):
            #expect(Set(errors.map(\.field.description)) == rejected.fields)
        default:
            Issue.record("expected the controller's validation to agree (\(rejected.controller)), got \(verdict)")
        }
    }

    /// The checks CEL leaves to the controller: agent names in the termination tree, and the rules applied to the
    /// spec as the canary overlay changes it.
    @Test(arguments: ControllerOnlyCheck.all)
    func controllerRefusesWhatTheSchemaLetsThrough(check: ControllerOnlyCheck) throws {
        let manifest = try YAML.parse(check.manifest)
        let admission = try CRDVersion.enforcer(for: manifest).admit(manifest)
        #expect(admission.errors.map(\.description) == [])
        guard case .invalid(let errors) = try ControllerVerdict(on: admission.object) else {
            Issue.record("the controller accepts \(check.testDescription)")
            return
        }
        #expect(errors.map(\.description) == check.errors)
    }

    @Test(arguments: SessionUpdate.all)
    func sessionUpdateFollowsTheTransitionRules(update: SessionUpdate) throws {
        let old = try YAML.parse(Manifest.text(kind: "AgentSession", name: "summary", spec: update.old))
        let new = try YAML.parse(Manifest.text(kind: "AgentSession", name: "summary", spec: update.new))
        let enforcer = try CRDVersion.enforcer(for: new)
        let stored = enforcer.admit(old)
        #expect(stored.errors.map(\.description) == [])
        #expect(enforcer.admit(new).errors.map(\.description) == [], "the new spec is valid on its own")

        let admission = enforcer.admit(new, old: stored.object)
        #expect(admission.errors.map(\.description) == update.errors)

        let decode = { (object: JSONValue) in try JSONDecoder().decode(AgentSession.self, from: JSONText.data(object)) }
        let controllerErrors = try decode(admission.object).validateUpdate(from: decode(stored.object))
        #expect(controllerErrors.map(\.description) == update.errors)
    }
}

/// One version of one generated CRD, and the emulator's enforcement of its schema.
struct CRDVersion: Sendable, CustomTestStringConvertible {
    let crdName: String
    let kind: String
    let name: String
    let index: Int
    let schema: JSONValue

    static let all: [CRDVersion] = EnsembleCRDs.all().flatMap { crd in
        (crd["spec"]?["versions"]?.arrayValue ?? []).enumerated().map { index, version in
            CRDVersion(
                crdName: crd["metadata"]?["name"]?.stringValue ?? "", kind: crd["spec"]?["names"]?["kind"]?.stringValue ?? "",
                name: version["name"]?.stringValue ?? "", index: index,
                schema: version["schema"]?["openAPIV3Schema"] ?? .null)
        }
    }

    var testDescription: String { "\(crdName) \(name)" }

    func enforcer() throws(SchemaDefinitionError) -> SchemaEnforcer {
        try SchemaEnforcer(schema: schema, path: "spec.versions[\(index)].schema.openAPIV3Schema")
    }

    /// The enforcer of the CRD version `manifest` names in its `apiVersion` and `kind`.
    static func enforcer(for manifest: JSONValue) throws -> SchemaEnforcer {
        let apiVersion = manifest["apiVersion"]?.stringValue ?? ""
        let kind = manifest["kind"]?.stringValue ?? ""
        let version = try #require(
            all.first { "\(EnsembleGroup.name)/\($0.name)" == apiVersion && $0.kind == kind },
            "no generated CRD serves \(apiVersion) \(kind)")
        return try version.enforcer()
    }
}

/// A file of `config/samples/` holding Ensemble objects.
struct Sample: Sendable, CustomTestStringConvertible {
    let name: String

    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("config/samples")

    static var all: [Sample] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasPrefix("agent") && $0.hasSuffix(".yaml") }.sorted().map(Sample.init)
    }

    var testDescription: String { name }

    func manifests() throws -> [JSONValue] {
        try YAML.parseAll(String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8))
    }
}

/// What the controller makes of a stored object: it decodes it into the EnsembleAPI types and validates it.
enum ControllerVerdict: Equatable {
    case valid
    case invalid([ValidationError])
    /// Decoding failed at this field.
    case undecodable(String)

    init(on object: JSONValue) throws {
        let data = JSONText.data(object)
        let errors: [ValidationError]
        do {
            switch object["kind"]?.stringValue {
            case AgentTeam.kind: errors = try JSONDecoder().decode(AgentTeam.self, from: data).validate()
            case AgentSession.kind: errors = try JSONDecoder().decode(AgentSession.self, from: data).validate()
            default: throw UnknownKind(object: object)
            }
        } catch let error as DecodingError {
            self = .undecodable(error.fieldPath)
            return
        }
        self = errors.isEmpty ? .valid : .invalid(errors)
    }

    struct UnknownKind: Error {
        let object: JSONValue
    }
}

extension DecodingError {
    /// Where decoding failed, written as the API server writes field paths.
    var fieldPath: String {
        let codingPath: [any CodingKey]
        switch self {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            codingPath = context.codingPath
        case .keyNotFound(let key, let context):
            codingPath = context.codingPath + [key]
        @unknown default:
            codingPath = []
        }
        return codingPath.reduce(into: "") { path, key in
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
    }
}

/// Builds manifests from the spec each case writes.
enum Manifest {
    static func text(kind: String, name: String, spec: String) -> String {
        let indentedSpec = spec.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
        return """
            apiVersion: ensemble.dev/v1alpha1
            kind: \(kind)
            metadata:
              name: \(name)
            spec:
            \(indentedSpec)
            """
    }

    /// The models and access of a valid one-model team, for the cases that break something else.
    static let minimalModelsAndAccess = """
        models:
        - {name: gpt, provider: openai, model: gpt-4o-mini}
        access: {none: {}}
        """
}

/// How the controller's own validation agrees with the API server on a manifest the server refuses.
enum ControllerAgreement: Sendable {
    /// It reports the API server's errors word for word: the Swift twins of the CEL rules.
    case sameErrors
    /// It reports errors at the same fields, worded by its own schema validator.
    case sameFields
    /// The manifest does not decode into the Swift types, and decoding fails at the field the server names.
    case decodingFails
}

/// A manifest the API server must refuse, with the errors `kubectl apply` prints after `is invalid:`.
struct RejectedManifest: Sendable, CustomTestStringConvertible {
    let flaw: String
    let manifest: String
    let controller: ControllerAgreement
    let errors: [String]

    var testDescription: String { flaw }

    /// The fields the errors name; the summary line about skipped CEL rules names none.
    var fields: Set<String> {
        Set(errors.filter { $0 != Self.rulesNotChecked }.map { String($0.prefix { $0 != ":" }) })
    }

    /// What the API server adds when schema errors kept it from evaluating the CEL rules.
    static let rulesNotChecked = #"<nil>: Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation"#

    static func team(
        _ flaw: String, spec: String, name: String = "broken", _ controller: ControllerAgreement, _ errors: String...
    ) -> RejectedManifest {
        RejectedManifest(
            flaw: flaw, manifest: Manifest.text(kind: "AgentTeam", name: name, spec: spec), controller: controller, errors: errors)
    }

    static func session(_ flaw: String, spec: String, _ controller: ControllerAgreement, _ errors: String...) -> RejectedManifest {
        RejectedManifest(
            flaw: flaw, manifest: Manifest.text(kind: "AgentSession", name: "broken", spec: spec), controller: controller,
            errors: errors)
    }

    static let all: [RejectedManifest] = teamCases + sessionCases
}

extension RejectedManifest {
    static let teamCases: [RejectedManifest] = [
        .team(
            "a string for an integer",
            spec: """
                models:
                - {name: gpt, provider: openai, model: gpt-4o-mini, maxTokens: lots}
                agents: [{name: assistant}]
                access: {none: {}}
                """,
            .decodingFails,
            #"spec.models[0].maxTokens: Invalid value: "string": spec.models[0].maxTokens in body must be of type integer: "string""#,
            rulesNotChecked),
        .team(
            "a string for the replica count",
            spec: """
                \(Manifest.minimalModelsAndAccess)
                agents: [{name: assistant}]
                runner: {replicas: two}
                """,
            .decodingFails,
            #"spec.runner.replicas: Invalid value: "string": spec.runner.replicas in body must be of type integer: "string""#,
            rulesNotChecked),
        .team(
            "an unknown provider",
            spec: """
                models:
                - {name: claude, provider: anthropic, model: claude-sonnet}
                agents: [{name: assistant}]
                access: {none: {}}
                """,
            .decodingFails,
            #"spec.models[0].provider: Unsupported value: "anthropic": supported values: "openai", "azure-openai", "replay""#,
            rulesNotChecked),
        .team(
            "an unknown chat mode",
            spec: """
                \(Manifest.minimalModelsAndAccess)
                agents: [{name: a}, {name: b}]
                chat: {mode: debate}
                """,
            .decodingFails,
            #"spec.chat.mode: Unsupported value: "debate": supported values: "single", "roundRobin", "selector""#,
            rulesNotChecked),
        .team(
            "a negative token limit",
            spec: """
                \(Manifest.minimalModelsAndAccess)
                agents: [{name: assistant}]
                budget: {perSession: {maxTokens: -5}}
                """,
            .sameFields,
            "spec.budget.perSession.maxTokens: Invalid value: -5: spec.budget.perSession.maxTokens in body should be greater than or equal to 1"),
        .team(
            "a temperature above 2",
            spec: """
                models:
                - {name: gpt, provider: openai, model: gpt-4o-mini, temperature: 2.5}
                agents: [{name: assistant}]
                access: {none: {}}
                """,
            .sameFields,
            "spec.models[0].temperature: Invalid value: 2.5: spec.models[0].temperature in body should be less than or equal to 2"),
        .team(
            "no access policy",
            spec: """
                models:
                - {name: gpt, provider: openai, model: gpt-4o-mini}
                agents: [{name: assistant}]
                """,
            .decodingFails,
            "spec.access: Required value",
            rulesNotChecked),
        .team(
            "a name that is not a DNS label",
            spec: """
                \(Manifest.minimalModelsAndAccess)
                agents: [{name: assistant}]
                """,
            name: "1st-team",
            .sameFields,
            #"metadata.name: Invalid value: "1st-team": metadata.name in body should match '^[a-z]([-a-z0-9]*[a-z0-9])?$'"#),
        .team(
            "replicas together with autoscaling",
            spec: """
                \(Manifest.minimalModelsAndAccess)
                agents: [{name: assistant}]
                sessions: {store: redis, redis: {urlSecretRef: {name: redis, key: url}}}
                runner: {replicas: 2, autoscaling: {maxReplicas: 4}}
                """,
            .sameErrors,
            "spec.runner.replicas: Forbidden: replicas and autoscaling are mutually exclusive: the autoscaler owns the replica count"),
        .team(
            "minReplicas above maxReplicas",
            spec: """
                \(Manifest.minimalModelsAndAccess)
                agents: [{name: assistant}]
                sessions: {store: redis, redis: {urlSecretRef: {name: redis, key: url}}}
                runner: {autoscaling: {minReplicas: 5, maxReplicas: 3}}
                """,
            .sameErrors,
            "spec.runner.autoscaling.minReplicas: Invalid value: minReplicas must not exceed maxReplicas"),
        .team(
            "several replicas sharing an embedded session store",
            spec: """
                \(Manifest.minimalModelsAndAccess)
                agents: [{name: assistant}]
                runner: {replicas: 3}
                """,
            .sameErrors,
            "spec.sessions.store: Invalid value: more than one runner replica (or autoscaling) needs sessions.store redis: the embedded store lives inside one pod"),
        .team(
            "redis store without redis settings",
            spec: """
                \(Manifest.minimalModelsAndAccess)
                agents: [{name: assistant}]
                sessions: {store: redis}
                """,
            .sameErrors,
            "spec.sessions.redis: Invalid value: redis must be set exactly when store is redis"),
        .team(
            "duplicate agent names",
            spec: """
                \(Manifest.minimalModelsAndAccess)
                agents: [{name: writer}, {name: writer}]
                chat: {mode: roundRobin}
                """,
            .sameFields,
            #"spec.agents[1]: Duplicate value: map[string]interface {}{"name":"writer"}"#),
        .team(
            "duplicate model names",
            spec: """
                models:
                - {name: gpt, provider: openai, model: gpt-4o-mini}
                - {name: gpt, provider: openai, model: gpt-4o}
                agents: [{name: assistant, model: gpt}]
                access: {none: {}}
                """,
            .sameFields,
            #"spec.models[1]: Duplicate value: map[string]interface {}{"name":"gpt"}"#),
        .team(
            "an agent naming an undeclared model",
            spec: """
                \(Manifest.minimalModelsAndAccess)
                agents: [{name: assistant, model: gpt-5}]
                """,
            .sameErrors,
            "spec.agents: Invalid value: every agent's model must name an entry of spec.models (it may be omitted when exactly one model is declared)"),
        .team(
            "an agent without a model among several models",
            spec: """
                models:
                - {name: fast, provider: openai, model: gpt-4o-mini}
                - {name: strong, provider: openai, model: gpt-4o}
                agents: [{name: assistant}]
                access: {none: {}}
                """,
            .sameErrors,
            "spec.agents: Invalid value: every agent's model must name an entry of spec.models (it may be omitted when exactly one model is declared)"),
        .team(
            "selector mode with one agent",
            spec: """
                \(Manifest.minimalModelsAndAccess)
                agents: [{name: assistant}]
                chat: {mode: selector}
                """,
            .sameErrors,
            "spec.chat.mode: Invalid value: chat mode selector needs two or more agents"),
        .team(
            "single mode with two agents",
            spec: """
                \(Manifest.minimalModelsAndAccess)
                agents: [{name: a}, {name: b}]
                """,
            .sameErrors,
            "spec.chat.mode: Invalid value: chat mode single needs exactly one agent; choose roundRobin or selector for more"),
        .team(
            "selector settings outside selector mode",
            spec: """
                \(Manifest.minimalModelsAndAccess)
                agents: [{name: a}, {name: b}]
                chat: {mode: roundRobin, selector: {allowRepeatedSpeaker: true}}
                """,
            .sameErrors,
            "spec.chat.selector: Forbidden: selector applies only to mode selector"),
        .team(
            "a selector model that is not declared",
            spec: """
                \(Manifest.minimalModelsAndAccess)
                agents: [{name: a}, {name: b}]
                chat: {mode: selector, selector: {model: judge}}
                """,
            .sameErrors,
            "spec.chat.selector.model: Invalid value: the selector's model must name an entry of spec.models"),
        .team(
            "two access modes at once",
            spec: """
                models:
                - {name: gpt, provider: openai, model: gpt-4o-mini}
                agents: [{name: assistant}]
                access: {none: {}, apiKeys: {secretRef: {name: keys}}}
                """,
            .sameErrors,
            "spec.access: Invalid value: exactly one of apiKeys, oidc, trustedHeader and none must be set"),
        .team(
            "an empty access policy",
            spec: """
                models:
                - {name: gpt, provider: openai, model: gpt-4o-mini}
                agents: [{name: assistant}]
                access: {}
                """,
            .sameErrors,
            "spec.access: Invalid value: exactly one of apiKeys, oidc, trustedHeader and none must be set"),
        .team(
            "a model without a model name",
            spec: """
                models:
                - {name: gpt, provider: openai}
                agents: [{name: assistant}]
                access: {none: {}}
                """,
            .sameErrors,
            "spec.models[0].model: Required value: model is required unless provider is replay"),
        .team(
            "a replay model without a script",
            spec: """
                models:
                - {name: offline, provider: replay}
                agents: [{name: assistant}]
                access: {none: {}}
                """,
            .sameErrors,
            "spec.models[0].replay: Invalid value: replay must be set exactly when provider is replay"),
        .team(
            "an Azure model without endpoint and key",
            spec: """
                models:
                - {name: azure, provider: azure-openai, model: gpt-4o, azure: {deployment: prod}}
                agents: [{name: assistant}]
                access: {none: {}}
                """,
            .sameErrors,
            "spec.models[0]: Required value: provider azure-openai needs baseURL (the resource endpoint) and apiKeySecretRef"),
        .team(
            "Azure settings on an OpenAI model",
            spec: """
                models:
                - {name: gpt, provider: openai, model: gpt-4o-mini, azure: {deployment: prod}}
                agents: [{name: assistant}]
                access: {none: {}}
                """,
            .sameErrors,
            "spec.models[0].azure: Forbidden: azure applies only to provider azure-openai"),
        .team(
            "a monthly cost budget with an unpriced model",
            spec: """
                \(Manifest.minimalModelsAndAccess)
                agents: [{name: assistant}]
                budget: {perTeam: {costPerMonth: "100"}}
                """,
            .sameErrors,
            "spec.models: Invalid value: budget.perTeam.costPerMonth needs pricing on every model that is not a replay model"),
        .team(
            "an empty team budget",
            spec: """
                \(Manifest.minimalModelsAndAccess)
                agents: [{name: assistant}]
                budget: {perTeam: {}}
                """,
            .sameErrors,
            "spec.budget.perTeam: Required value: at least one of tokensPerDay and costPerMonth must be set"),
        .team(
            "two termination conditions in one leaf",
            spec: """
                \(Manifest.minimalModelsAndAccess)
                agents: [{name: a}, {name: b}]
                chat: {mode: roundRobin, termination: {maxMessages: 10, timeoutSeconds: 60}}
                """,
            .sameErrors,
            "spec.chat.termination: Invalid value: exactly one of textMention, maxMessages, tokenUsage, timeoutSeconds, sourceMatch, any, all must be set"),
        .team(
            "a token usage condition without a limit",
            spec: """
                \(Manifest.minimalModelsAndAccess)
                agents: [{name: a}, {name: b}]
                chat: {mode: roundRobin, termination: {any: [{maxMessages: 10}, {tokenUsage: {}}]}}
                """,
            .sameErrors,
            "spec.chat.termination.any[1].tokenUsage: Required value: at least one of maxTotalTokens, maxPromptTokens and maxCompletionTokens must be set"),
        .team(
            "a disruption budget with both bounds",
            spec: """
                \(Manifest.minimalModelsAndAccess)
                agents: [{name: assistant}]
                runner: {disruption: {minAvailable: 1, maxUnavailable: 1}}
                """,
            .sameErrors,
            "spec.runner.disruption: Invalid value: exactly one of minAvailable and maxUnavailable must be set"),
        .team(
            "an env var with a value and a source",
            spec: """
                \(Manifest.minimalModelsAndAccess)
                agents: [{name: assistant}]
                runner:
                  env:
                  - {name: LOG_LEVEL, value: debug, valueFrom: {configMapKeyRef: {name: logging, key: level}}}
                """,
            .sameErrors,
            "spec.runner.env[0]: Invalid value: value and valueFrom are mutually exclusive"),
        .team(
            "an env var in the operator's namespace",
            spec: """
                \(Manifest.minimalModelsAndAccess)
                agents: [{name: assistant}]
                runner: {env: [{name: ENSEMBLE_MODE, value: debug}]}
                """,
            .sameErrors,
            "spec.runner.env[0].name: Forbidden: names starting with ENSEMBLE_ are reserved for the operator"),
        .team(
            "a pod label the operator selects on",
            spec: """
                \(Manifest.minimalModelsAndAccess)
                agents: [{name: assistant}]
                runner: {podLabels: {app.kubernetes.io/name: mine}}
                """,
            .sameErrors,
            "spec.runner.podLabels: Forbidden: podLabels must not use the app.kubernetes.io/ prefix, which selects the runner pods"),
        .team(
            "a toleration of any value with a value",
            spec: """
                \(Manifest.minimalModelsAndAccess)
                agents: [{name: assistant}]
                runner: {tolerations: [{key: gpu, operator: Exists, value: "true"}]}
                """,
            .sameErrors,
            "spec.runner.tolerations[0].value: Forbidden: value must be empty when operator is Exists"),
        .team(
            "a canary overlay changing nothing",
            spec: """
                \(Manifest.minimalModelsAndAccess)
                agents: [{name: assistant}]
                canary: {weight: 10, overlay: {}}
                """,
            .sameErrors,
            "spec.canary.overlay: Required value: the overlay must change at least one of image, models, agents and chat"),
    ]

    static let sessionCases: [RejectedManifest] = [
        .session(
            "a zero token limit",
            spec: """
                teamRef: {name: assistant}
                input: Hello
                userID: alice
                limits: {maxTokens: 0}
                """,
            .sameFields,
            "spec.limits.maxTokens: Invalid value: 0: spec.limits.maxTokens in body should be greater than or equal to 1"),
        .session(
            "zero rounds and a negative timeout",
            spec: """
                teamRef: {name: assistant}
                input: Hello
                userID: alice
                limits: {maxRounds: 0, timeoutSeconds: -1}
                """,
            .sameFields,
            "spec.limits.maxRounds: Invalid value: 0: spec.limits.maxRounds in body should be greater than or equal to 1",
            "spec.limits.timeoutSeconds: Invalid value: -1: spec.limits.timeoutSeconds in body should be greater than or equal to 1"),
        .session(
            "an empty input",
            spec: """
                teamRef: {name: assistant}
                input: ""
                userID: alice
                """,
            .sameFields,
            #"spec.input: Invalid value: "": spec.input in body should be at least 1 chars long"#),
        .session(
            "no user",
            spec: """
                teamRef: {name: assistant}
                input: Hello
                """,
            .decodingFails,
            "spec.userID: Required value",
            rulesNotChecked),
        .session(
            "a negative time to live",
            spec: """
                teamRef: {name: assistant}
                input: Hello
                userID: alice
                ttlSecondsAfterFinished: -1
                """,
            .sameFields,
            "spec.ttlSecondsAfterFinished: Invalid value: -1: spec.ttlSecondsAfterFinished in body should be greater than or equal to 0"),
        .session(
            "a string for the token limit",
            spec: """
                teamRef: {name: assistant}
                input: Hello
                userID: alice
                limits: {maxTokens: many}
                """,
            .decodingFails,
            #"spec.limits.maxTokens: Invalid value: "string": spec.limits.maxTokens in body must be of type integer: "string""#,
            rulesNotChecked),
    ]
}

/// A team the schema admits and the controller refuses, with the controller's errors.
struct ControllerOnlyCheck: Sendable, CustomTestStringConvertible {
    let flaw: String
    let manifest: String
    let errors: [String]

    var testDescription: String { flaw }

    static let all: [ControllerOnlyCheck] = [
        ControllerOnlyCheck(
            flaw: "a termination condition naming an undeclared agent",
            manifest: Manifest.text(kind: "AgentTeam", name: "broken", spec: """
                \(Manifest.minimalModelsAndAccess)
                agents: [{name: writer}, {name: critic}]
                chat: {mode: roundRobin, termination: {any: [{maxMessages: 10}, {sourceMatch: {sources: [reviewer]}}]}}
                """),
            errors: [#"spec.chat.termination.any[1].sourceMatch.sources[0]: Invalid value: "reviewer": must name an entry of spec.agents"#]),
        ControllerOnlyCheck(
            flaw: "a canary overlay switching a team of two agents to mode single",
            manifest: Manifest.text(kind: "AgentTeam", name: "broken", spec: """
                \(Manifest.minimalModelsAndAccess)
                agents: [{name: writer}, {name: critic}]
                chat: {mode: roundRobin}
                canary: {weight: 10, overlay: {chat: {mode: single}}}
                """),
            errors: [
                "spec.canary.overlay: Invalid value: with the overlay applied, spec.chat.mode: chat mode single needs exactly one agent; choose roundRobin or selector for more"
            ]),
    ]
}

/// An update of a session's spec, with the errors the transition rules give.
struct SessionUpdate: Sendable, CustomTestStringConvertible {
    let change: String
    let old: String
    let new: String
    let errors: [String]

    var testDescription: String { change }

    init(_ change: String, from old: String = created, to new: String, _ errors: String...) {
        self.change = change
        self.old = old
        self.new = new
        self.errors = errors
    }

    static let created = """
        teamRef: {name: assistant}
        input: Summarize the report.
        userID: alice
        limits: {maxTokens: 4000}
        """
    static let cancelled = created + "\ncancel: true"

    static let all: [SessionUpdate] = [
        SessionUpdate("cancelling", to: cancelled),
        SessionUpdate("setting a time to live", to: created + "\nttlSecondsAfterFinished: 600"),
        SessionUpdate(
            "changing the input", to: created.replacingOccurrences(of: "Summarize", with: "Translate"),
            "spec: Invalid value: teamRef, input and userID cannot be changed; create a new session instead"),
        SessionUpdate(
            "moving to another team", to: created.replacingOccurrences(of: "assistant", with: "research"),
            "spec: Invalid value: teamRef, input and userID cannot be changed; create a new session instead"),
        SessionUpdate(
            "raising the token limit", to: created.replacingOccurrences(of: "4000", with: "8000"),
            "spec.limits: Invalid value: limits cannot be changed after the session was created"),
        SessionUpdate(
            "dropping the limits", to: created.replacingOccurrences(of: "\nlimits: {maxTokens: 4000}", with: ""),
            "spec.limits: Invalid value: limits cannot be changed after the session was created"),
        SessionUpdate(
            "resuming a cancelled session", from: cancelled, to: created + "\ncancel: false",
            "spec.cancel: Invalid value: a cancelled session cannot be resumed"),
        SessionUpdate(
            "dropping cancel from a cancelled session", from: cancelled, to: created,
            "spec.cancel: Invalid value: a cancelled session cannot be resumed"),
    ]
}
