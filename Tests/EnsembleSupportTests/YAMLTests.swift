import Foundation
import Testing

@testable import EnsembleSupport

@Suite struct YAMLParsingTests {
    @Test func readsBlockAndFlowStyles() throws {
        let text = """
            name: web
            ports: [80, 443]
            labels: {app: web, tier: "front"}
            containers:
              - name: main
                args:
                  - --verbose
                  - -p
            """
        #expect(
            try YAML.parse(text) == [
                "name": "web",
                "ports": [80, 443],
                "labels": ["app": "web", "tier": "front"],
                "containers": [["name": "main", "args": ["--verbose", "-p"]]],
            ])
    }

    @Test func readsEveryScalarStyleAsText() throws {
        let text = """
            plain: hello world
            single: 'it''s'
            double: "tab\\tand \\u00e9"
            literal: |
              line one
              line two
            folded: >
              folded
              text
            keep: |+
              kept

            strip: |-
              stripped
            """
        let value = try YAML.parse(text)
        #expect(value["plain"] == "hello world")
        #expect(value["single"] == "it's")
        #expect(value["double"] == "tab\tand é")
        #expect(value["literal"] == "line one\nline two\n")
        #expect(value["folded"] == "folded text\n")
        #expect(value["keep"] == "kept\n\n")
        #expect(value["strip"] == "stripped")
    }

    @Test func acceptsWindowsLineEndings() throws {
        #expect(try YAML.parse("a: 1\r\nb:\r\n  - x\r\n") == ["a": 1, "b": ["x"]])
    }

    @Test func emptyInputIsNull() throws {
        #expect(try YAML.parse("") == .null)
        #expect(try YAML.parse("# only a comment\n") == .null)
        #expect(try YAML.parse("---\n") == .null)
        #expect(try YAML.parse("a: 1\n---\n") == ["a": 1])
    }

    @Test(arguments: [
        ("~", JSONValue.null), ("null", .null), ("Null", .null), ("NULL", .null), ("", .null),
        ("true", .bool(true)), ("True", .bool(true)), ("TRUE", .bool(true)), ("false", .bool(false)),
        ("False", .bool(false)), ("FALSE", .bool(false)),
        ("yes", .string("yes")), ("no", .string("no")), ("on", .string("on")), ("off", .string("off")),
        ("y", .string("y")), ("tRUE", .string("tRUE")),
        ("0", .integer(0)), ("42", .integer(42)), ("-17", .integer(-17)), ("+5", .integer(5)),
        ("0x10", .integer(16)), ("0x1F", .integer(31)), ("-0x10", .integer(-16)), ("0o17", .integer(15)),
        ("0b101", .integer(5)), ("0644", .integer(420)), ("007", .integer(7)), ("09", .integer(9)),
        ("9223372036854775807", .integer(.max)), ("-9223372036854775808", .integer(.min)),
        ("9223372036854775808", .double(9_223_372_036_854_775_808)),
        ("1.5", .double(1.5)), ("-0.25", .double(-0.25)), (".5", .double(0.5)), ("1.", .double(1)),
        ("1e3", .double(1000)), ("2.5E-3", .double(0.0025)), ("1.0", .double(1)),
        (".inf", .double(.infinity)), ("-.inf", .double(-.infinity)), ("+.INF", .double(.infinity)),
        ("1e400", .string("1e400")), ("0x", .string("0x")), ("0b12", .string("0b12")), ("1_000", .string("1_000")),
        ("12:30", .string("12:30")), ("2024-01-15", .string("2024-01-15")), ("1.2.3", .string("1.2.3")),
        ("Infinity", .string("Infinity")), ("NaN", .string("NaN")), ("inf", .string("inf")), ("-a", .string("-a")),
        ("e3", .string("e3")), ("1e", .string("1e")), ("0x1p3", .string("0x1p3")), ("١٢", .string("١٢")),
    ])
    func resolvesPlainScalarsAsKubernetesDoes(text: String, expected: JSONValue) throws {
        #expect(try YAML.parse("v: \(text)")["v"] == expected)
    }

    @Test func nanIsADouble() throws {
        let value = try YAML.parse("v: .nan")["v"]
        #expect(value?.doubleValue?.isNaN == true)
    }

    @Test func quotedAndBlockScalarsAreAlwaysStrings() throws {
        let value = try YAML.parse(
            """
            a: "true"
            b: '123'
            c: "007"
            d: ''
            e: "~"
            f: |
              42
            """)
        #expect(value == ["a": "true", "b": "123", "c": "007", "d": "", "e": "~", "f": "42"])
    }

    @Test func honoursExplicitTags() throws {
        let value = try YAML.parse(
            """
            str: !!str 123
            int: !!int "42"
            float: !!float 1
            bool: !!bool "true"
            null: !!null ""
            custom: !Ref bucket
            verbatim: !<tag:yaml.org,2002:int> "7"
            seq: !!seq [1]
            """)
        #expect(
            value == [
                "str": "123", "int": 42, "float": .double(1), "bool": true, "null": nil, "custom": "bucket",
                "verbatim": 7, "seq": [1],
            ])
    }

    @Test(arguments: ["v: !!int 1.5", "v: !!int abc", "v: !!bool yes", "v: !!null 0", "v: !!float x"])
    func rejectsTaggedScalarsThatDoNotFit(text: String) {
        let error = #expect(throws: YAMLError.self) { try YAML.parse(text) }
        #expect(error?.kind == .invalidTaggedScalar)
        #expect(error?.line == 1 && error?.column == 4)
    }

    @Test func keysAreTheTextWritten() throws {
        #expect(try YAML.parse("1: a\ntrue: b\n~: c\n0x10: d\n") == ["1": "a", "true": "b", "~": "c", "0x10": "d"])
    }

    @Test func rejectsCollectionsAsKeys() {
        let error = #expect(throws: YAMLError.self) { try YAML.parse("? [a, b]\n: c\n") }
        #expect(error?.kind == .invalidKey)
        #expect(error?.line == 1)
    }
}

@Suite struct YAMLMultiDocumentTests {
    @Test func readsEveryDocument() throws {
        let text = """
            ---
            kind: A
            ---
            # only a comment
            ---
            kind: B
            ---
            null
            ---

            """
        #expect(try YAML.parseAll(text) == [["kind": "A"], ["kind": "B"], nil])
    }

    @Test func streamsWithoutDocumentsAreEmpty() throws {
        #expect(try YAML.parseAll("") == [])
        #expect(try YAML.parseAll("# nothing\n---\n---\n") == [])
        #expect(try YAML.parseAll("a: 1") == [["a": 1]])
        #expect(try YAML.parseAll("a: 1\n...\n---\nb: 2\n") == [["a": 1], ["b": 2]])
    }

    @Test func parseRejectsASecondDocument() {
        let error = #expect(throws: YAMLError.self) { try YAML.parse("a: 1\n---\nb: 2\n") }
        #expect(error?.kind == .multipleDocuments)
        #expect(error?.line == 2)
    }

    @Test func anchorsBelongToTheirDocument() {
        let error = #expect(throws: YAMLError.self) { try YAML.parseAll("a: &x 1\n---\nb: *x\n") }
        #expect(error?.kind == .unknownAnchor)
        #expect(error?.line == 3 && error?.column == 4)
    }

    @Test func emitsDocumentsSeparatedByMarkers() throws {
        let documents: [JSONValue] = [["kind": "A"], ["kind": "B", "size": 1]]
        let text = YAML.emitAll(documents)
        #expect(text == "kind: A\n---\nkind: B\nsize: 1\n")
        #expect(try YAML.parseAll(text) == documents)
        #expect(YAML.emitAll([]) == "")
    }
}

@Suite struct YAMLAnchorTests {
    @Test func aliasesRepeatAnchoredNodes() throws {
        let value = try YAML.parse(
            """
            base: &image
              repository: nginx
              tag: "1.25"
            copy: *image
            names: [&n web, *n]
            """)
        let image: JSONValue = ["repository": "nginx", "tag": "1.25"]
        #expect(value == ["base": image, "copy": image, "names": ["web", "web"]])
    }

    @Test func mergeKeysFillInWhatTheMappingDoesNotSay() throws {
        let value = try YAML.parse(
            """
            defaults: &defaults
              cpu: 100m
              memory: 128Mi
            limits: &limits
              memory: 1Gi
              gpu: 0
            small:
              memory: 64Mi
              <<: *defaults
            combined:
              <<: [*limits, *defaults]
              name: combined
            inline:
              <<: {a: 1}
              b: 2
            """)
        #expect(value["small"] == ["cpu": "100m", "memory": "64Mi"])
        #expect(value["combined"] == ["memory": "1Gi", "gpu": 0, "cpu": "100m", "name": "combined"])
        #expect(value["inline"] == ["a": 1, "b": 2])
    }

    @Test func quotedMergeKeyIsAnOrdinaryKey() throws {
        #expect(try YAML.parse("'<<': {a: 1}") == ["<<": ["a": 1]])
    }

    @Test func rejectsMergingAScalar() {
        let error = #expect(throws: YAMLError.self) { try YAML.parse("a: &x 1\nb:\n  <<: *x\n") }
        #expect(error?.kind == .invalidMerge)
        #expect(error?.line == 3)
    }

    @Test func rejectsUnknownAnchors() {
        let error = #expect(throws: YAMLError.self) { try YAML.parse("a: *missing\n") }
        #expect(error?.kind == .unknownAnchor)
        #expect(error?.description == "yaml: line 1, column 4: unknown anchor 'missing' referenced")
    }

    @Test func stopsExponentialAliasExpansion() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let previous = "*a\(level - 1)"
            text += "a\(level): &a\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]\n"
        }
        let error = #expect(throws: YAMLError.self) { try YAML.parse(text) }
        #expect(error?.kind == .limitExceeded)
    }

    @Test func stopsRunawayNesting() {
        let text =
            String(repeating: "[", count: YAMLComposer.nestingLimit + 1)
            + String(repeating: "]", count: YAMLComposer.nestingLimit + 1)
        let error = #expect(throws: YAMLError.self) { try YAML.parse(text) }
        #expect(error?.kind == .limitExceeded)
    }
}

@Suite struct YAMLErrorTests {
    @Test func badIndentationReportsItsLine() {
        let error = #expect(throws: YAMLError.self) {
            try YAML.parse("spec:\n  replicas: 2\n selector: {}\n")
        }
        #expect(error?.kind == .syntax)
        #expect(error?.line == 3)
        #expect(error?.column == 2)
        #expect(error?.description.hasPrefix("yaml: line 3, column 2: did not find expected key") == true)
    }

    @Test func mappingValueInPlainScalar() {
        let error = #expect(throws: YAMLError.self) { try YAML.parse("a: 1\nb: c: d\n") }
        #expect(error?.description == "yaml: line 2, column 5: mapping values are not allowed in this context")
    }

    @Test func tabIndentation() {
        let error = #expect(throws: YAMLError.self) { try YAML.parse("spec:\n\treplicas: 2\n") }
        #expect(error?.line == 2 && error?.column == 1)
        #expect(error?.message.contains("cannot start any token") == true)
    }

    @Test func unclosedQuoteNamesWhereItStarted() {
        let error = #expect(throws: YAMLError.self) { try YAML.parse("a: 1\nb: \"open\nc: 2\n") }
        #expect(error?.kind == .syntax)
        #expect(error?.message.contains("while scanning a quoted scalar at line 2, column 4") == true)
    }

    @Test func duplicateKeyNamesTheKeyAndBothLines() {
        let error = #expect(throws: YAMLError.self) {
            try YAML.parse("metadata:\n  name: a\n  labels: {}\n  name: b\n")
        }
        #expect(error?.kind == .duplicateKey)
        #expect(error?.line == 4 && error?.column == 3)
        #expect(
            error?.description == #"yaml: line 4, column 3: duplicate key "name" (first defined at line 2, column 3)"#)
    }

    @Test func keysThatReadTheSameAreDuplicates() {
        let error = #expect(throws: YAMLError.self) { try YAML.parse("1: a\n\"1\": b\n") }
        #expect(error?.kind == .duplicateKey)
    }

    @Test func controlCharactersReportTheirPosition() {
        let error = #expect(throws: YAMLError.self) { try YAML.parse("a: 1\nb: x\u{01}\n") }
        #expect(error?.line == 2 && error?.column == 5)
    }
}

@Suite struct YAMLEmitTests {
    @Test func writesBlockStyleWithSortedKeys() {
        let value: JSONValue = [
            "metadata": ["name": "web", "labels": ["b": "2", "a": "x"]],
            "items": [1, ["k": true], [], [:]],
            "empty": [:],
            "none": nil,
            "ratio": 0.5,
        ]
        #expect(
            YAML.emit(value) == """
                empty: {}
                items:
                - 1
                - k: true
                - []
                - {}
                metadata:
                  labels:
                    a: x
                    b: "2"
                  name: web
                none: null
                ratio: 0.5

                """)
    }

    @Test(arguments: [
        "true", "False", "null", "~", "", "123", "-1", "1.5", "0x1F", "0644", ".inf", "-.inf", ".nan", "1e3",
        "yes", "no", "on", "Off", "y", "<<", "12:30", "1_000", "2024-01-15",
    ])
    func quotesStringsThatWouldReadAsSomethingElse(text: String) throws {
        let emitted = YAML.emit(["v": .string(text)])
        #expect(emitted == "v: \"\(text)\"\n")
        #expect(try YAML.parse(emitted) == ["v": .string(text)])
    }

    @Test(arguments: ["a: b", "#c", "a #b", " lead", "trail ", "- x", "[x]", "{x}", "*a", "&a", "!t", "|", "@x", "'q'"])
    func quotesStringsThatCannotBePlain(text: String) throws {
        let emitted = YAML.emit(["v": .string(text)])
        #expect(emitted.hasPrefix("v: '") || emitted.hasPrefix("v: \""))
        #expect(try YAML.parse(emitted) == ["v": .string(text)])
    }

    @Test func leavesOrdinaryStringsPlain() {
        #expect(
            YAML.emit(["image": "nginx:1.25", "v": "1.2.3", "s": "hello world", "u": "日本"])
                == "image: nginx:1.25\ns: hello world\nu: 日本\nv: 1.2.3\n")
    }

    @Test func writesMultiLineStringsAsLiteralBlocks() throws {
        let value: JSONValue = ["script": "set -e\necho hi\n", "two": "a\nb"]
        let emitted = YAML.emit(value)
        #expect(emitted == "script: |\n  set -e\n  echo hi\ntwo: |-\n  a\n  b\n")
        #expect(try YAML.parse(emitted) == value)
    }

    @Test func writesNumbersSoTheyReadBackExactly() throws {
        let value: JSONValue = [
            "max": .integer(.max), "min": .integer(.min), "whole": .double(2), "tiny": .double(.leastNonzeroMagnitude),
            "big": .double(1e300), "inf": .double(.infinity), "ninf": .double(-.infinity),
        ]
        let emitted = YAML.emit(value)
        #expect(emitted.contains("whole: 2.0\n"))
        #expect(emitted.contains("inf: .inf\n"))
        #expect(try YAML.parse(emitted) == value)
    }

    @Test func writesRootScalars() throws {
        #expect(YAML.emit("hello") == "hello\n")
        #expect(YAML.emit(nil) == "null\n")
        #expect(try YAML.parse(YAML.emit("")) == "")
    }

    @Test func kubernetesManifestRoundTripsAsText() throws {
        let manifest = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              annotations:
                ensemble.dev/config-hash: "0123"
              labels:
                app.kubernetes.io/managed-by: ensemble
                app.kubernetes.io/name: team
              name: team-runner
              namespace: default
            spec:
              replicas: 2
              selector:
                matchLabels:
                  app.kubernetes.io/name: team
              template:
                metadata:
                  labels:
                    app.kubernetes.io/name: team
                spec:
                  containers:
                  - args:
                    - --port=8080
                    env:
                    - name: VERBOSE
                      value: "true"
                    - name: SCRIPT
                      value: |
                        #!/bin/sh
                        exec runner
                    image: ghcr.io/ensemble/runner:0.1.0
                    name: runner
                    ports:
                    - containerPort: 8080
                      name: http
                    resources:
                      limits:
                        cpu: "1"
                        memory: 512Mi
                    securityContext:
                      allowPrivilegeEscalation: false
                      capabilities:
                        drop:
                        - ALL
                      readOnlyRootFilesystem: true
                  volumes:
                  - configMap:
                      defaultMode: 420
                      name: team-config
                    name: config

            """
        let value = try YAML.parse(manifest)
        #expect(value["spec"]?["template"]?["spec"]?["containers"]?[0]?["env"]?[0]?["value"] == "true")
        #expect(YAML.emit(value) == manifest)
    }
}

@Suite struct YAMLRoundTripPropertyTests {
    @Test func everyValueReadsBackAsWritten() throws {
        var generator = JSONValueGenerator(seed: 0x5EED_1234)
        for _ in 0..<3000 {
            let value = generator.value(depth: 0)
            let emitted = YAML.emit(value)
            let parsed = try YAML.parse(emitted)
            #expect(parsed == value, "\(JSONText.string(value)) emitted as:\n\(emitted)")
            if parsed != value { return }
        }
    }

    @Test func everyStreamReadsBackAsWritten() throws {
        var generator = JSONValueGenerator(seed: 42)
        for _ in 0..<300 {
            let documents = (0..<generator.number(below: 4)).map { _ in generator.value(depth: 0) }
            let emitted = YAML.emitAll(documents)
            #expect(try YAML.parseAll(emitted) == documents, "emitted as:\n\(emitted)")
        }
    }

    @Test func everyTrickyStringReadsBackAsWritten() throws {
        for text in JSONValueGenerator.trickyStrings {
            let value: JSONValue = [text: .string(text), "list": [.string(text)]]
            let emitted = YAML.emit(value)
            #expect(try YAML.parse(emitted) == value, "\(text.debugDescription) emitted as:\n\(emitted)")
            #expect(try YAML.parse(YAML.emit(.string(text))) == .string(text))
        }
    }
}

/// Random JSON values from a fixed seed, biased towards what YAML finds hard to write.
struct JSONValueGenerator {
    /// SplitMix64: small, fast and the same on every platform.
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    static let trickyStrings = [
        "", " ", "  ", "true", "True", "FALSE", "null", "Null", "~", "123", "-1", "+1", "1.5", ".5", "1.", "1e3", "1E3",
        "0x1F", "0o17", "0b101", "0644", "007", "09", ".inf", "-.inf", "+.inf", ".nan", ".NaN", "NaN", "Infinity",
        "yes", "no", "on", "off", "y", "n", "<<", "=", "12:30", "1:2:3", "1_000", "2024-01-01", "2024-1-1 10:00",
        "a: b", "a:b", "a #b", "a#b", "#c", "- x", "-", "--", "---", "...", "? x", "?", ":", ": x", "key:", "[a]",
        "{a}", "a,b", ",", "*a", "&a", "!t", "!", "|", ">", "%x", "@x", "`x", "'q'", "\"q\"", "'", "\"", "\\",
        "a'b", "a\"b", "a\nb", "a\n", "\n", "\n\n", "a\n\n", "\na", " \na", "a \nb", "a\n b", "  indented\nnext",
        "x\n  y\n", "a\tb", "\t", "\ta", "a\t", "line\r\nbreak", "\r", "a\rb", "\u{85}", "a\u{2028}b", "\u{2029}",
        "é", "日本語", "😀", "e\u{301}", "\u{0}", "a\u{0}b", "\u{1}", "\u{7F}", "\u{A0}", "\u{FEFF}x", "x\u{FEFF}",
        "\u{FFFE}", "- \n", "a\n- b", "|\n", ">-", "a\n#b", "a\n...\nb", "a\n---\nb",
        String(repeating: "long ", count: 40),
        String(repeating: "x", count: 200), "a\n" + String(repeating: "y", count: 300),
    ]

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func number(below bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func value(depth: Int) -> JSONValue {
        let kinds = depth >= 4 ? 5 : 7
        switch number(below: kinds) {
        case 0: return .null
        case 1: return .bool(next() & 1 == 0)
        case 2: return .integer(integer())
        case 3: return .double(double())
        case 4: return .string(string())
        case 5: return .array((0..<number(below: 5)).map { _ in value(depth: depth + 1) })
        default:
            var members: [String: JSONValue] = [:]
            for _ in 0..<number(below: 5) { members[string()] = value(depth: depth + 1) }
            return .object(members)
        }
    }

    private mutating func integer() -> Int64 {
        switch number(below: 4) {
        case 0: return [Int64.max, .min, 0, -1, 420, 1 << 53 + 1][number(below: 6)]
        case 1: return Int64(number(below: 2000)) - 1000
        default: return Int64(bitPattern: next())
        }
    }

    private mutating func double() -> Double {
        switch number(below: 4) {
        case 0:
            return [0.0, -0.0, 2.0, 0.1, 1e15, 1e16, 1e-7, .leastNonzeroMagnitude, .greatestFiniteMagnitude][
                number(below: 9)]
        case 1: return Double(number(below: 20000) - 10000) / 64
        default:
            let candidate = Double(bitPattern: next())
            return candidate.isFinite ? candidate : 1.25
        }
    }

    private mutating func string() -> String {
        if number(below: 3) == 0 { return Self.trickyStrings[number(below: Self.trickyStrings.count)] }
        let alphabet: [Character] =
            Array("ab z09.-_:#?,[]{}&*!|>'\"%@`\\\n\t\r ~=<é日😀") + ["\u{85}", "\u{2028}", "\u{0}"]
        return String((0..<number(below: 10)).map { _ in alphabet[number(below: alphabet.count)] })
    }
}

@Suite struct YAMLCodableTests {
    struct Manifest: Codable, Equatable {
        struct Limits: Codable, Equatable {
            var tokens: Int64
            var ratio: Double
            var enabled: Bool
        }

        var name: String
        var version: String
        var limits: Limits
        var optionalAbsent: String?
        var optionalNull: Int?
        var tags: [String]
        var nested: [String: [Int]]
    }

    @Test func decodesExactlyWhatTheFileSays() throws {
        let text = """
            name: team
            version: "1.10"
            limits:
              tokens: 9223372036854775806
              ratio: 0.1
              enabled: true
            optionalNull: ~
            tags: [a, "123"]
            nested:
              x: [1, 2]
              y: []
            """
        let manifest = try YAMLDecoder().decode(Manifest.self, from: text)
        #expect(
            manifest
                == Manifest(
                    name: "team", version: "1.10",
                    limits: .init(tokens: 9_223_372_036_854_775_806, ratio: 0.1, enabled: true),
                    optionalAbsent: nil, optionalNull: nil, tags: ["a", "123"], nested: ["x": [1, 2], "y": []]))
    }

    @Test func decodingErrorsKeepTheirCodingPath() throws {
        let text = "name: t\nversion: v\nlimits: {tokens: many, ratio: 1, enabled: true}\ntags: []\nnested: {}\n"
        do {
            _ = try YAMLDecoder().decode(Manifest.self, from: text)
            Issue.record("decoding should have failed")
        } catch DecodingError.typeMismatch(_, let context) {
            #expect(context.codingPath.map(\.stringValue) == ["limits", "tokens"])
        }
    }

    @Test func decodesNonFiniteDoubles() throws {
        struct Bounds: Decodable {
            var low: Double
            var high: Double
            var missing: Double?
        }
        let bounds = try YAMLDecoder().decode(Bounds.self, from: "low: -.inf\nhigh: .inf\n")
        #expect(bounds.low == -.infinity && bounds.high == .infinity && bounds.missing == nil)
    }

    @Test func decodesEveryDocument() throws {
        struct Item: Decodable, Equatable { var kind: String }
        let items = try YAMLDecoder().decodeAll(Item.self, from: "---\nkind: A\n---\nkind: B\n---\n")
        #expect(items == [Item(kind: "A"), Item(kind: "B")])
    }

    @Test func decodeSurfacesYAMLErrors() {
        #expect(throws: YAMLError.self) { try YAMLDecoder().decode([String: Int].self, from: "a: [") }
    }

    @Test func encodesAndDecodesBack() throws {
        let manifest = Manifest(
            name: "true", version: "007", limits: .init(tokens: .max, ratio: 2.5, enabled: false),
            optionalAbsent: nil, optionalNull: 3, tags: ["", "yes"], nested: [:])
        let text = try YAMLEncoder().encode(manifest)
        #expect(!text.contains("optionalAbsent"))
        #expect(text.contains("name: \"true\"\n"))
        #expect(text.contains("tokens: 9223372036854775807\n"))
        #expect(try YAMLDecoder().decode(Manifest.self, from: text) == manifest)
    }

    @Test func encodesStreams() throws {
        #expect(try YAMLEncoder().encodeAll([["a": 1], ["b": 2]]) == "a: 1\n---\nb: 2\n")
    }
}
