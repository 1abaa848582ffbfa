import Foundation
import Synchronization
internal import CCurl

private let curlGlobalInitialization: Void = {
    _ = curl_global_init(Int(CURL_GLOBAL_ALL))
}()

/// Drives every transfer of one client on a curl multi handle, on one dedicated thread.
///
/// Other threads talk to it only through `submit`, which queues a command and wakes the thread.
final class CurlEventLoop: @unchecked Sendable {
    enum Command {
        case add(CurlTransfer)
        case cancel(CurlTransfer)
        case unpause(CurlTransfer)
        case stop
    }

    private let multi: UnsafeMutableRawPointer
    private let commands = Mutex<(queue: [Command], accepting: Bool)>(([], true))
    private var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]
    private let stopped = DispatchSemaphore(value: 0)

    init(maximumConnectionsPerHost: Int) {
        _ = curlGlobalInitialization
        multi = curl_multi_init()
        _ = ensemble_curl_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, maximumConnectionsPerHost)
        _ = ensemble_curl_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, maximumConnectionsPerHost * 4)
        let thread = Thread { [self] in run() }
        thread.name = "ensemble-http-client"
        thread.start()
    }

    /// Queues a command for the loop's thread; false once the loop has stopped accepting work.
    @discardableResult
    func submit(_ command: Command) -> Bool {
        let accepted = commands.withLock { state -> Bool in
            guard state.accepting else { return false }
            if case .stop = command { state.accepting = false }
            state.queue.append(command)
            return true
        }
        if accepted { curl_multi_wakeup(multi) }
        return accepted
    }

    /// Fails every transfer and ends the thread; returns once it has ended.
    func stop() {
        if submit(.stop) { stopped.wait() }
    }

    private func run() {
        var running: Int32 = 0
        while true {
            let pending = commands.withLock { state in
                defer { state.queue.removeAll(keepingCapacity: true) }
                return state.queue
            }
            for command in pending {
                switch command {
                case .add(let transfer):
                    active[transfer.easy] = transfer
                    let code = curl_multi_add_handle(multi, transfer.easy)
                    if code != CURLM_OK {
                        active[transfer.easy] = nil
                        transfer.fail(HTTPClientError(.transport, "\(transfer.summary): \(String(cString: curl_multi_strerror(code)))"))
                    }
                case .cancel(let transfer):
                    guard active[transfer.easy] === transfer else { continue }
                    remove(transfer)
                    transfer.fail(HTTPClientError(.cancelled, "\(transfer.summary): cancelled"))
                case .unpause(let transfer):
                    guard active[transfer.easy] === transfer else { continue }
                    _ = curl_easy_pause(transfer.easy, CURLPAUSE_CONT)
                case .stop:
                    for transfer in Array(active.values) {
                        remove(transfer)
                        transfer.fail(HTTPClientError(.shutdown, "\(transfer.summary): the HTTP client was shut down"))
                    }
                    curl_multi_cleanup(multi)
                    stopped.signal()
                    return
                }
            }
            _ = curl_multi_perform(multi, &running)
            var remaining: Int32 = 0
            while let message = curl_multi_info_read(multi, &remaining) {
                guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                    let transfer = active[easy]
                else { continue }
                let result = message.pointee.data.result
                remove(transfer)
                transfer.complete(result)
            }
            _ = curl_multi_poll(multi, nil, 0, 1000, nil)
        }
    }

    private func remove(_ transfer: CurlTransfer) {
        curl_multi_remove_handle(multi, transfer.easy)
        active[transfer.easy] = nil
    }
}
