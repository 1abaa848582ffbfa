import Testing
@testable import KubeRuntime

@Suite struct WatcherStateMachineTests {
    typealias Machine = WatcherStateMachine<TestObject>
    let t0 = ContinuousClock.now

    private func machine(random seed: UInt64 = 7) -> Machine {
        Machine(configuration: WatcherConfiguration(pageSize: 2), random: SeededRandom(seed: seed))
    }

    /// Lists one page with `items` and returns the machine watching from `rv`.
    private func watching(_ items: [TestObject], rv: String = "10") -> Machine {
        var machine = machine()
        _ = machine.start()
        _ = machine.listed(ListPage(items: items, resourceVersion: rv))
        return machine
    }

    private func applied(_ actions: [WatcherAction<TestObject>]) -> [String] {
        actions.compactMap { action in
            guard case .apply(let change) = action else { return nil }
            switch change {
            case .replaceAll(let items): return "replaceAll(\(items.map(\.name).joined(separator: ",")))"
            case .upsert(let object): return "upsert(\(object.name)@\(object.resourceVersion))"
            case .delete(let object): return "delete(\(object.name)@\(object.resourceVersion))"
            }
        }
    }

    private func watchFrom(_ actions: [WatcherAction<TestObject>]) -> String? {
        for case .watch(let version, _) in actions { return version }
        return nil
    }

    private func waitDuration(_ actions: [WatcherAction<TestObject>]) -> Duration? {
        for case .wait(let delay) in actions { return delay }
        return nil
    }

    @Test func listsPagesThenReplacesAllAtOnceAndWatchesFromTheListVersion() {
        var machine = machine()
        guard case .list(nil) = machine.start().first else { Issue.record("expected a first list"); return }
        let first = machine.listed(ListPage(items: [TestObject("a", "1"), TestObject("a", "2")], continueToken: "c1", resourceVersion: "5"))
        guard case .list("c1") = first.first, first.count == 1 else { Issue.record("expected the next page, got \(first)"); return }
        #expect(machine.state == .listing(pagesReceived: 1))
        let last = machine.listed(ListPage(items: [TestObject("a", "3")], continueToken: "", resourceVersion: "5"))
        #expect(applied(last) == ["replaceAll(1,2,3)"])
        #expect(watchFrom(last) == "5")
        #expect(machine.state == .watching(resourceVersion: "5"))
    }

    @Test func watchTimeoutIsDrawnBetweenFiveAndTenMinutes() {
        var timeouts = Set<Duration>()
        for seed in UInt64(1)...40 {
            var machine = machine(random: seed)
            _ = machine.start()
            for case .watch(_, let timeout) in machine.listed(ListPage(items: [], resourceVersion: "1")) {
                #expect(timeout >= .seconds(300) && timeout <= .seconds(600))
                timeouts.insert(timeout)
            }
        }
        #expect(timeouts.count > 30)
    }

    @Test func eventsApplyAndAdvanceTheResumeVersion() {
        var machine = watching([TestObject("a", "x", rv: 3)])
        #expect(applied(machine.received(.modified(TestObject("a", "x", rv: 11)), at: t0)) == ["upsert(x@11)"])
        #expect(applied(machine.received(.added(TestObject("a", "y", rv: 12)), at: t0)) == ["upsert(y@12)"])
        #expect(applied(machine.received(.deleted(TestObject("a", "x", rv: 13)), at: t0)) == ["delete(x@13)"])
        #expect(machine.received(.bookmark(resourceVersion: "20"), at: t0).isEmpty)
        #expect(machine.state == .watching(resourceVersion: "20"))
        #expect(watchFrom(machine.watchEnded(at: t0)) == "20")
    }

    @Test func eventsNotNewerThanWhatWasAppliedAreIgnored() {
        var machine = watching([TestObject("a", "x", rv: 8)])
        #expect(applied(machine.received(.modified(TestObject("a", "x", rv: 8)), at: t0)).isEmpty)
        #expect(applied(machine.received(.modified(TestObject("a", "x", rv: 12)), at: t0)) == ["upsert(x@12)"])
        #expect(applied(machine.received(.modified(TestObject("a", "x", rv: 11)), at: t0)).isEmpty)
        #expect(applied(machine.received(.deleted(TestObject("a", "x", rv: 14)), at: t0)) == ["delete(x@14)"])
        // A replayed ADDED from before the deletion does not bring the object back.
        #expect(applied(machine.received(.added(TestObject("a", "x", rv: 12)), at: t0)).isEmpty)
    }

    @Test func goneEventRelistsAtOnceWithoutBackoff() {
        var machine = watching([])
        let actions = machine.received(.error(code: 410, message: "too old"), at: t0)
        guard case .list(nil) = actions.first, actions.count == 1 else { Issue.record("expected a re-list, got \(actions)"); return }
        #expect(machine.failuresSinceReset == 0)
        #expect(applied(machine.listed(ListPage(items: [TestObject("a", "z")], resourceVersion: "40"))) == ["replaceAll(z)"])
        #expect(machine.state == .watching(resourceVersion: "40"))
    }

    @Test func goneResponseToTheWatchRequestRelists() {
        var machine = watching([])
        guard case .list(nil) = machine.watchFailed(.gone, at: t0).first else { Issue.record("expected a re-list"); return }
    }

    @Test func expiredContinueTokenRestartsTheList() {
        var machine = machine()
        _ = machine.start()
        _ = machine.listed(ListPage(items: [TestObject("a", "1")], continueToken: "c1", resourceVersion: "5"))
        guard case .list(nil) = machine.listFailed(.gone, at: t0).first else { Issue.record("expected a fresh list"); return }
        let done = machine.listed(ListPage(items: [TestObject("a", "2")], resourceVersion: "9"))
        #expect(applied(done) == ["replaceAll(2)"])
    }

    @Test func failedWatchBacksOffThenResumesFromTheLastVersion() {
        var machine = watching([], rv: "10")
        _ = machine.received(.bookmark(resourceVersion: "15"), at: t0)
        let delay = waitDuration(machine.watchFailed(.transport("reset"), at: t0))
        #expect(delay.map { $0 >= .milliseconds(640) && $0 <= .milliseconds(960) } == true)
        #expect(machine.state == .backingOff(then: .watch(from: "15")))
        #expect(watchFrom(machine.waitFinished()) == "15")
    }

    @Test func failedListBacksOffThenListsAgain() {
        var machine = machine()
        _ = machine.start()
        #expect(waitDuration(machine.listFailed(.server(status: 500, retryAfter: nil), at: t0)) != nil)
        guard case .list(nil) = machine.waitFinished().first else { Issue.record("expected a list"); return }
    }

    @Test func backoffGrowsToThirtySecondsWithJitter() {
        var machine = watching([])
        var delays: [Duration] = []
        for _ in 0..<10 {
            delays.append(waitDuration(machine.watchFailed(.transport("down"), at: t0))!)
            _ = machine.waitFinished()
        }
        let expectedBases: [Double] = [0.8, 1.6, 3.2, 6.4, 12.8, 25.6, 30, 30, 30, 30]
        for (delay, base) in zip(delays, expectedBases) {
            let seconds = delay / .seconds(1)
            #expect(seconds >= base * 0.8 - 1e-9 && seconds <= min(base * 1.2, 30) + 1e-9, "\(seconds) for base \(base)")
        }
    }

    @Test func retryAfterIsRespectedWhenLongerThanTheBackoff() {
        var machine = watching([])
        #expect(waitDuration(machine.watchFailed(.throttled(retryAfter: .seconds(7)), at: t0)) == .seconds(7))
        _ = machine.waitFinished()
        let short = waitDuration(machine.watchFailed(.server(status: 503, retryAfter: .milliseconds(1)), at: t0))!
        #expect(short > .milliseconds(1))
    }

    @Test func backoffResetsAfterTwoMinutesHealthy() {
        var machine = watching([])
        for _ in 0..<5 {
            _ = machine.watchFailed(.transport("down"), at: t0)
            _ = machine.waitFinished()
        }
        #expect(machine.failuresSinceReset == 5)
        _ = machine.watchStarted(at: t0)
        // Clean reconnects keep the healthy streak going.
        _ = machine.watchEnded(at: t0.advanced(by: .seconds(60)))
        _ = machine.watchStarted(at: t0.advanced(by: .seconds(60)))
        let delay = waitDuration(machine.watchFailed(.transport("down"), at: t0.advanced(by: .seconds(121))))!
        #expect(delay <= .milliseconds(960))
        #expect(machine.failuresSinceReset == 1)
    }

    @Test func shortHealthyPeriodsDoNotReset() {
        var machine = watching([])
        for _ in 0..<3 {
            _ = machine.watchFailed(.transport("down"), at: t0)
            _ = machine.waitFinished()
        }
        _ = machine.watchStarted(at: t0)
        _ = machine.watchFailed(.transport("down"), at: t0.advanced(by: .seconds(119)))
        #expect(machine.failuresSinceReset == 4)
    }

    @Test func nonGoneErrorEventBacksOffAndKeepsTheVersion() {
        var machine = watching([], rv: "10")
        #expect(waitDuration(machine.received(.error(code: 500, message: "internal"), at: t0)) != nil)
        #expect(watchFrom(machine.waitFinished()) == "10")
    }

    @Test func watchClosedEmptyRightAfterOpeningBacksOff() {
        var machine = watching([], rv: "10")
        _ = machine.watchStarted(at: t0)
        #expect(waitDuration(machine.watchEnded(at: t0.advanced(by: .milliseconds(10)))) != nil)
        #expect(watchFrom(machine.waitFinished()) == "10")
        _ = machine.watchStarted(at: t0)
        _ = machine.received(.bookmark(resourceVersion: "11"), at: t0)
        #expect(watchFrom(machine.watchEnded(at: t0.advanced(by: .milliseconds(10)))) == "11")
    }

    @Test func goneOnTheFirstPageBacksOff() {
        var machine = machine()
        _ = machine.start()
        #expect(waitDuration(machine.listFailed(.gone, at: t0)) != nil)
    }

    @Test func inputsThatDoNotFitTheStateAreIgnored() {
        var machine = machine()
        _ = machine.start()
        #expect(machine.received(.added(TestObject("a", "x")), at: t0).isEmpty)
        #expect(machine.watchEnded(at: t0).isEmpty)
        #expect(machine.waitFinished().isEmpty)
        #expect(machine.state == .listing(pagesReceived: 0))
    }
}
