/// Waits (in real time, yielding) until `condition` holds; false if it never did within the generous limit.
/// Used only to wait for background tasks to catch up, never to measure time.
func eventually(seconds: Int = 120, _ condition: () async -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while ContinuousClock.now < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return await condition()
}
