import Testing
import KubeRuntime

@Suite struct WatcherTests {
    let source = FakeListWatchSource()
    let clock = ManualClock()

    private func makeWatcher(pageSize: Int = 2) -> Watcher<FakeListWatchSource> {
        Watcher(
            name: "test", source: source, configuration: WatcherConfiguration(pageSize: pageSize), clock: clock,
            random: SeededRandom(seed: 3))
    }

    private func storeMatchesSource(_ watcher: Watcher<FakeListWatchSource>) -> Bool {
        watcher.store.snapshot().objects == source.objects
    }

    /// Writes a last object and waits until the log shows it, so that every earlier change has been logged too.
    private func drain(_ log: ChangeLog) async -> [String] {
        let sentinel = source.put("ns", "sentinel", value: 0)
        let line = "upsert \(sentinel.key)@\(sentinel.resourceVersion)"
        _ = await eventually { log.all.contains(line) }
        return log.all.filter { $0 != line }
    }

    /// Lets the watcher's backoff elapse once it is waiting.
    private func elapseBackoff() async {
        await clock.waitForSleepers(count: 1)
        clock.advance(by: .seconds(31))
    }

    @Test func listsAllPagesThenFollowsChanges() async throws {
        for index in 0..<5 { source.put("ns", "o\(index)", value: index) }
        let watcher = makeWatcher()
        let run = Task { try await watcher.run() }
        defer { run.cancel() }
        try await watcher.store.waitUntilSynced()
        #expect(watcher.store.count == 5)
        #expect(source.listRequests == 3)
        #expect(await eventually { source.openStreams == 1 })
        source.put("ns", "o1", value: 100)
        source.put("ns", "new", value: 7)
        source.delete("ns", "o0")
        #expect(await eventually { storeMatchesSource(watcher) })
        #expect(watcher.store.get(ObjectKey(namespace: "ns", name: "o1"))?.value == 100)
    }

    @Test func relistsAfterGoneWithNothingLost() async throws {
        for index in 0..<4 { source.put("ns", "o\(index)", value: index) }
        let watcher = makeWatcher()
        let log = ChangeLog(watcher.changes())
        let run = Task { try await watcher.run() }
        defer { run.cancel() }
        try await watcher.store.waitUntilSynced()
        #expect(await eventually { source.openStreams == 1 })
        source.cutAllStreams()
        // Changes while disconnected, then the history is compacted: resuming from the old version gets 410.
        source.put("ns", "o1", value: 11)
        source.put("ns", "added", value: 5)
        source.delete("ns", "o2")
        source.compact()
        await elapseBackoff()
        #expect(await eventually { storeMatchesSource(watcher) && source.openStreams == 1 })
        #expect(source.listRequests == 4)
        #expect(await drain(log).last == "replace 4 removed [\"o2\"]")
        // And the new watch carries on from the relist.
        source.put("ns", "after", value: 1)
        #expect(await eventually { storeMatchesSource(watcher) })
    }

    @Test func goneEventOnAnOpenStreamRelists() async throws {
        source.put("ns", "a", value: 1)
        let watcher = makeWatcher()
        let run = Task { try await watcher.run() }
        defer { run.cancel() }
        try await watcher.store.waitUntilSynced()
        #expect(await eventually { source.openStreams == 1 })
        source.expireAllStreams()
        #expect(await eventually { source.listRequests == 2 && source.openStreams == 1 })
        source.put("ns", "b", value: 2)
        #expect(await eventually { storeMatchesSource(watcher) })
    }

    @Test func streamCutMidwayResumesFromTheLastVersionAppliedOnce() async throws {
        source.put("ns", "a", value: 0)
        let watcher = makeWatcher()
        let log = ChangeLog(watcher.changes())
        let run = Task { try await watcher.run() }
        defer { run.cancel() }
        try await watcher.store.waitUntilSynced()
        #expect(await eventually { source.openStreams == 1 })
        source.cutAllStreams()
        var versions: [String] = []
        for value in 1...5 {
            versions.append(source.put("ns", value.isMultiple(of: 2) ? "a" : "b\(value)", value: value).resourceVersion)
        }
        source.inject(.cutWatch(afterEvents: 3))
        await elapseBackoff()
        await elapseBackoff()
        #expect(await eventually { storeMatchesSource(watcher) && source.openStreams == 1 })
        #expect(source.watchRequests.last == versions[2])
        let upserts = await drain(log).filter { $0.hasPrefix("upsert") }
        #expect(upserts.count == 5 && Set(upserts).count == 5)
    }

    @Test func replayedEventsAreNotAppliedTwice() async throws {
        let watcher = makeWatcher()
        let log = ChangeLog(watcher.changes())
        let run = Task { try await watcher.run() }
        defer { run.cancel() }
        try await watcher.store.waitUntilSynced()
        #expect(await eventually { source.openStreams == 1 })
        for value in 1...4 { source.put("ns", "x\(value % 2)", value: value) }
        #expect(await eventually { storeMatchesSource(watcher) })
        source.inject(.replayWatch(from: 0))
        source.cutAllStreams()
        await elapseBackoff()
        #expect(await eventually { source.openStreams == 1 })
        source.put("ns", "last", value: 9)
        #expect(await eventually { storeMatchesSource(watcher) })
        #expect(await drain(log).filter { $0.hasPrefix("upsert") }.count == 5)
    }

    @Test func recoversFromRepeatedFailures() async throws {
        source.put("ns", "a", value: 1)
        source.inject(.failList(.server(status: 500, retryAfter: nil)))
        source.inject(.failList(.throttled(retryAfter: .seconds(2))))
        for _ in 0..<3 { source.inject(.failWatch(.transport("refused"))) }
        let watcher = makeWatcher()
        let run = Task { try await watcher.run() }
        defer { run.cancel() }
        await elapseBackoff()
        await elapseBackoff()
        try await watcher.store.waitUntilSynced()
        for _ in 0..<3 { await elapseBackoff() }
        #expect(await eventually { source.openStreams == 1 })
        #expect(source.watchRequests.count == 4)
        source.put("ns", "b", value: 2)
        #expect(await eventually { storeMatchesSource(watcher) })
    }

    @Test func stopsWhenCancelledAndFinishesSubscribers() async throws {
        let watcher = makeWatcher()
        let changes = watcher.changes()
        let run = Task { try await watcher.run() }
        try await watcher.store.waitUntilSynced()
        run.cancel()
        await #expect(throws: CancellationError.self) { try await run.value }
        var count = 0
        for await _ in changes { count += 1 }
        #expect(count == 1)
    }
}
