import EnsembleCLI
import Testing

@Suite struct DurationSyntaxTests {
    @Test(arguments: [
        ("0", Duration.zero),
        ("30s", .seconds(30)),
        ("5m", .seconds(300)),
        ("2h", .seconds(7200)),
        ("1h30m", .seconds(5400)),
        ("250ms", .milliseconds(250)),
        ("1.5s", .milliseconds(1500)),
        (".5m", .seconds(30)),
        ("10us", .microseconds(10)),
        ("10µs", .microseconds(10)),
        ("7ns", .nanoseconds(7)),
        ("1m0.25s", .milliseconds(60250)),
    ])
    func parsesGoStyleDurations(text: String, expected: Duration) {
        #expect(DurationSyntax.parse(text) == expected)
    }

    @Test(arguments: ["", "30", "s", "5x", "-5s", "1.2.3s", "5 m", "m5", "99999999999999999999h", "1.s5"])
    func rejectsMalformedDurations(text: String) {
        #expect(DurationSyntax.parse(text) == nil)
    }

    @Test(arguments: [
        (Duration.zero, "0s"),
        (.seconds(30), "30s"),
        (.seconds(300), "5m"),
        (.seconds(5400), "1h30m"),
        (.milliseconds(1500), "1s500ms"),
        (.nanoseconds(1_001), "1us1ns"),
    ])
    func formatsDurationsSoTheyParseBack(duration: Duration, text: String) {
        #expect(DurationSyntax.format(duration) == text)
        #expect(DurationSyntax.parse(text) == duration)
    }
}
