import EnsembleSupport
import Foundation
import HTTP
import Testing
@testable import KubeTesting

@Suite struct EmulatorSmokeTests {
    @Test func createsGetsListsAndWatches() async throws {
        let emulator = KubeAPIEmulator(configuration: .init(bookmarkInterval: .milliseconds(200)))
        let base = try emulator.start()
        let client = HTTPClient()
        let configMap: JSONValue = ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "one"], "data": ["a": "b"]]
        let created = try await client.execute(HTTPClientRequest(
            method: .post, url: "\(base)/api/v1/namespaces/default/configmaps", headers: ["Content-Type": "application/json"],
            body: JSONText.data(configMap)))
        #expect(created.status == 201)
        let object = try JSONText.parse(created.body)
        #expect(object["metadata"]?["uid"]?.stringValue?.isEmpty == false)
        let list = try JSONText.parse(try await client.execute(HTTPClientRequest(url: "\(base)/api/v1/namespaces/default/configmaps")).body)
        #expect(list["items"]?.arrayValue?.count == 1)
        #expect(list["kind"] == "ConfigMapList")

        let watch = try await client.stream(HTTPClientRequest(
            url: "\(base)/api/v1/namespaces/default/configmaps?watch=1&allowWatchBookmarks=true&resourceVersion=\(list["metadata"]?["resourceVersion"]?.stringValue ?? "")"))
        var lines = watch.body.lines().makeAsyncIterator()
        let update = try await client.execute(HTTPClientRequest(
            method: .patch, url: "\(base)/api/v1/namespaces/default/configmaps/one",
            headers: ["Content-Type": "application/merge-patch+json"], body: Data(#"{"data":{"a":"c"}}"#.utf8)))
        #expect(update.status == 200)
        let event = try JSONText.parse(try await lines.next() ?? "")
        #expect(event["type"] == "MODIFIED")
        #expect(event["object"]?["data"]?["a"] == "c")
        let bookmark = try JSONText.parse(try await lines.next() ?? "")
        #expect(bookmark["type"] == "BOOKMARK")
        await emulator.shutdown()
    }
}
