import Foundation
import Testing
@testable import EnsembleSupport

@Suite struct JSONTextTests {
    @Test func writesCompactSortedJSON() {
        let value: JSONValue = ["b": [1, 2.5, "x"], "a": nil, "c": ["t": true]]
        #expect(JSONText.string(value) == #"{"a":null,"b":[1,2.5,"x"],"c":{"t":true}}"#)
    }

    @Test func escapesControlCharactersAndQuotes() {
        #expect(JSONText.string("a\"b\\c\n\u{01}") == #""a\"b\\c\n\u0001""#)
    }

    @Test func roundTripsIntegersExactly() throws {
        let value: JSONValue = ["big": .integer(9_007_199_254_740_993), "neg": -3, "f": 0.1]
        let parsed = try JSONText.parse(JSONText.string(value))
        #expect(parsed == value)
        #expect(parsed["big"] == .integer(9_007_199_254_740_993))
    }

    /// As Kubernetes' own JSON decoding does, a whole number written with a fraction reads back as an integer.
    @Test func wholeFloatsParseAsIntegers() throws {
        #expect(try JSONText.parse("2.0") == .integer(2))
        #expect(try JSONText.parse("2.5") == .double(2.5))
    }

    @Test func prettyPrintsWithTwoSpaceIndent() {
        #expect(JSONText.string(["a": [1]], options: .prettyPrinted) == "{\n  \"a\": [\n    1\n  ]\n}")
    }
}
