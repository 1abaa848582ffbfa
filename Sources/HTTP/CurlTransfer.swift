import Foundation
internal import CCurl

/// One request on a curl easy handle. Everything but `channel` is touched only on the event loop's thread.
final class CurlTransfer: @unchecked Sendable {
    enum Delivery {
        case buffered(CheckedContinuation<HTTPClientResponse, any Error>)
        case streaming(CheckedContinuation<HTTPClientStreamingResponse, any Error>?, BodyChannel)
    }

    let easy: UnsafeMutableRawPointer
    let summary: String
    private var delivery: Delivery
    private var ownedLists: [UnsafeMutablePointer<curl_slist>] = []
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
    private let maximumBufferedBytes: Int

    private var status = 0
    private var headers = HTTPHeaders()
    private var headComplete = false
    private var body = Data()
    private var failure: HTTPClientError?
    private(set) var finished = false

    init(
        easy: UnsafeMutableRawPointer, summary: String, delivery: Delivery, maximumBufferedBytes: Int
    ) {
        self.easy = easy
        self.summary = summary
        self.delivery = delivery
        self.maximumBufferedBytes = maximumBufferedBytes
        errorBuffer.initialize(to: 0)
        _ = ensemble_curl_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer)
        let context = Unmanaged.passUnretained(self).toOpaque()
        _ = ensemble_curl_easy_setopt_pointer(easy, CURLOPT_PRIVATE, context)
        _ = ensemble_curl_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, context)
        _ = ensemble_curl_easy_setopt_data_callback(easy, CURLOPT_WRITEFUNCTION, curlWriteCallback)
        _ = ensemble_curl_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, context)
        _ = ensemble_curl_easy_setopt_data_callback(easy, CURLOPT_HEADERFUNCTION, curlHeaderCallback)
    }

    deinit {
        curl_easy_cleanup(easy)
        ownedLists.forEach { curl_slist_free_all($0) }
        errorBuffer.deallocate()
    }

    /// Keeps a list that curl reads during the transfer alive until the transfer is gone.
    func own(_ list: UnsafeMutablePointer<curl_slist>) {
        ownedLists.append(list)
    }

    fileprivate func receiveHeader(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard !headComplete else { return bytes.count }  // trailers
        let line = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix("HTTP/") {
            let parts = line.split(separator: " ", maxSplits: 2)
            status = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
            headers = HTTPHeaders()
        } else if line.isEmpty {
            if status >= 200 { completeHead() }
        } else if let colon = line.firstIndex(of: ":") {
            let name = String(line[..<colon])
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers.add(name: name, value: value)
        }
        return bytes.count
    }

    private func completeHead() {
        headComplete = true
        switch delivery {
        case .buffered:
            if let length = headers["Content-Length"].flatMap(Int.init), length <= maximumBufferedBytes {
                body.reserveCapacity(length)
            }
        case .streaming(let head?, let channel):
            delivery = .streaming(nil, channel)
            head.resume(
                returning: HTTPClientStreamingResponse(
                    status: status, headers: headers, body: HTTPBodyStream(channel: channel)))
        case .streaming(nil, _):
            break
        }
    }

    fileprivate func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Int {
        switch delivery {
        case .buffered:
            guard body.count + bytes.count <= maximumBufferedBytes else {
                failure = HTTPClientError(
                    .responseTooLarge, "\(summary): response body exceeds \(maximumBufferedBytes) bytes")
                return 0
            }
            body.append(bytes.assumingMemoryBound(to: UInt8.self))
            return bytes.count
        case .streaming(_, let channel):
            if !headComplete { completeHead() }
            switch channel.offer(bytes) {
            case .accepted: return bytes.count
            case .pause: return Int(CURL_WRITEFUNC_PAUSE)
            case .cancelled: return 0
            }
        }
    }

    /// Ends the transfer with curl's result; called once, on the event loop's thread, after curl is done with it.
    func complete(_ code: CURLcode) {
        if code == CURLE_OK {
            if status == 0 {
                var responseCode = 0
                _ = ensemble_curl_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &responseCode)
                status = responseCode
            }
            finish(.success(()))
        } else {
            finish(.failure(failure ?? error(for: code)))
        }
    }

    func fail(_ error: HTTPClientError) {
        finish(.failure(error))
    }

    private func finish(_ result: Result<Void, HTTPClientError>) {
        guard !finished else { return }
        finished = true
        switch (delivery, result) {
        case (.buffered(let continuation), .success):
            continuation.resume(returning: HTTPClientResponse(status: status, headers: headers, body: body))
        case (.buffered(let continuation), .failure(let error)):
            continuation.resume(throwing: error)
        case (.streaming(let head, let channel), .success):
            if head != nil { completeHead() }
            channel.finish(.success(()))
        case (.streaming(let head, let channel), .failure(let error)):
            head?.resume(throwing: error)
            channel.finish(.failure(error))
        }
        body = Data()
    }

    private func error(for code: CURLcode) -> HTTPClientError {
        let detail = errorBuffer.pointee != 0 ? String(cString: errorBuffer) : String(cString: curl_easy_strerror(code))
        let message = "\(summary): \(detail)"
        switch code {
        case CURLE_COULDNT_CONNECT: return HTTPClientError(.connectFailed, message)
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: return HTTPClientError(.unresolvedHost, message)
        case CURLE_OPERATION_TIMEDOUT: return HTTPClientError(.timedOut, message)
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL: return HTTPClientError(.invalidRequest, message)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
            CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CRL_BADFILE, CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_ENGINE_INITFAILED,
            CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_CLIENTCERT:
            return HTTPClientError(.tls, message)
        default: return HTTPClientError(.transport, message)
        }
    }
}

private func transfer(_ userdata: UnsafeMutableRawPointer?) -> CurlTransfer {
    Unmanaged<CurlTransfer>.fromOpaque(userdata!).takeUnretainedValue()
}

private let curlWriteCallback: ensemble_curl_data_callback = { data, size, count, userdata in
    transfer(userdata).receiveBody(UnsafeRawBufferPointer(start: data, count: size * count))
}

private let curlHeaderCallback: ensemble_curl_data_callback = { data, size, count, userdata in
    transfer(userdata).receiveHeader(UnsafeRawBufferPointer(start: data, count: size * count))
}
