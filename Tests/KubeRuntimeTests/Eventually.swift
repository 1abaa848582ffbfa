/// Waits (in real time, yielding) until `condition` holds; false if it never did within the generous limit.
/// Used only to wait for background tasks to catch up, never to measure time.
func eventually(iterations: Int = 20_000, _ condition: () async -> Bool) async -> Bool {
    for _ in 0..<iterations {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(1))
    }
    return await condition()
}
