import Foundation
internal import CCurl

/// A curl easy handle configured for one request, owned here until a transfer takes it.
final class CurlRequestSetup: @unchecked Sendable {
    let summary: String
    private(set) var lists: [UnsafeMutablePointer<curl_slist>] = []
    private var easy: UnsafeMutableRawPointer?

    init(request: HTTPClientRequest, configuration: HTTPClient.Configuration) throws {
        summary = "\(request.method) \(Self.redacted(request.url))"
        guard let easy = curl_easy_init() else {
            throw HTTPClientError(.transport, "\(summary): curl_easy_init failed")
        }
        self.easy = easy
        var url = request.url
        if let tls = configuration.tls, let serverName = tls.serverName, url.lowercased().hasPrefix("https://") {
            url = try connect(to: url, verifyingAs: serverName)
        }
        try set(CURLOPT_URL, url)
        try set(CURLOPT_NOSIGNAL, 1)
        try set(CURLOPT_TCP_KEEPALIVE, 1)
        try set(CURLOPT_SUPPRESS_CONNECT_HEADERS, 1)
        try set(CURLOPT_ACCEPT_ENCODING, "")
        try set(CURLOPT_USERAGENT, configuration.userAgent)
        try set(CURLOPT_CONNECTTIMEOUT_MS, configuration.connectTimeout.milliseconds)
        if let timeout = request.timeout {
            try set(CURLOPT_TIMEOUT_MS, max(1, timeout.milliseconds))
        }
        if let proxy = configuration.proxyURL {
            try set(CURLOPT_PROXY, proxy)
        }
        try setMethod(request)
        var headerLines = request.headers.map { "\($0.name): \($0.value)" }
        if request.body != nil, !request.headers.contains("Expect") {
            headerLines.append("Expect:")
        }
        if let list = makeList(headerLines) {
            try check(ensemble_curl_easy_setopt_slist(easy, CURLOPT_HTTPHEADER, list), "headers")
        }
        if let tls = configuration.tls {
            try apply(tls)
        }
    }

    deinit {
        if let easy { curl_easy_cleanup(easy) }
        lists.forEach { curl_slist_free_all($0) }
    }

    /// Hands the handle and its lists over; this object no longer frees them.
    func take() -> UnsafeMutableRawPointer {
        defer {
            easy = nil
        }
        return easy!
    }

    func takeLists() -> [UnsafeMutablePointer<curl_slist>] {
        defer { lists = [] }
        return lists
    }

    private func setMethod(_ request: HTTPClientRequest) throws {
        switch request.method {
        case .get where request.body == nil:
            try set(CURLOPT_HTTPGET, 1)
        case .head:
            try set(CURLOPT_NOBODY, 1)
        default:
            if request.method != .post {
                try set(CURLOPT_CUSTOMREQUEST, request.method.rawValue)
            }
        }
        if let body = request.body {
            try set(CURLOPT_POST, 1)
            if request.method != .post {
                try set(CURLOPT_CUSTOMREQUEST, request.method.rawValue)
            }
            try check(
                ensemble_curl_easy_setopt_off_t(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)), "body")
            try body.withUnsafeBytes { bytes in
                let pointer = UnsafeMutableRawPointer(mutating: bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!)
                try check(ensemble_curl_easy_setopt_pointer(easy, CURLOPT_COPYPOSTFIELDS, pointer), "body")
            }
        }
    }

    private func apply(_ tls: TLSConfiguration) throws {
        switch tls.certificateAuthority {
        case .file(let path): try set(CURLOPT_CAINFO, path)
        case .pem(let pem): try setBlob(CURLOPT_CAINFO_BLOB, pem)
        case nil: break
        }
        switch tls.clientCertificate {
        case .file(let path): try set(CURLOPT_SSLCERT, path)
        case .pem(let pem): try setBlob(CURLOPT_SSLCERT_BLOB, pem)
        case nil: break
        }
        switch tls.clientKey {
        case .file(let path): try set(CURLOPT_SSLKEY, path)
        case .pem(let pem): try setBlob(CURLOPT_SSLKEY_BLOB, pem)
        case nil: break
        }
        if tls.clientCertificate != nil {
            try set(CURLOPT_SSLCERTTYPE, "PEM")
            try set(CURLOPT_SSLKEYTYPE, "PEM")
        }
        if tls.insecureSkipVerify {
            try set(CURLOPT_SSL_VERIFYPEER, 0)
            try set(CURLOPT_SSL_VERIFYHOST, 0)
        }
    }

    /// Verifying the certificate against another name: ask for that name and tell curl where it really lives.
    private func connect(to url: String, verifyingAs serverName: String) throws -> String {
        guard var components = URLComponents(string: url), let host = components.host else {
            throw HTTPClientError(.invalidRequest, "\(summary): malformed URL")
        }
        let port = components.port ?? 443
        let target = host.contains(":") ? "[\(host)]" : host
        components.host = serverName
        components.port = port
        guard let rewritten = components.string, let list = makeList(["\(serverName):\(port):\(target):\(port)"]) else {
            throw HTTPClientError(.invalidRequest, "\(summary): malformed TLS server name")
        }
        try check(ensemble_curl_easy_setopt_slist(easy, CURLOPT_CONNECT_TO, list), "TLS server name")
        return rewritten
    }

    private func makeList(_ lines: [String]) -> UnsafeMutablePointer<curl_slist>? {
        var list: UnsafeMutablePointer<curl_slist>?
        for line in lines {
            list = curl_slist_append(list, line)
        }
        if let list { lists.append(list) }
        return list
    }

    private func set(_ option: CURLoption, _ value: Int) throws {
        try check(ensemble_curl_easy_setopt_long(easy, option, value), "option \(option.rawValue)")
    }

    private func set(_ option: CURLoption, _ value: String) throws {
        try check(ensemble_curl_easy_setopt_string(easy, option, value), "option \(option.rawValue)")
    }

    private func setBlob(_ option: CURLoption, _ data: Data) throws {
        var bytes = [UInt8](data)
        try bytes.withUnsafeMutableBytes { buffer in
            var blob = curl_blob(data: buffer.baseAddress, len: buffer.count, flags: UInt32(CURL_BLOB_COPY))
            try check(ensemble_curl_easy_setopt_blob(easy, option, &blob), "TLS material")
        }
    }

    private func check(_ code: CURLcode, _ what: String) throws {
        guard code == CURLE_OK else {
            throw HTTPClientError(
                .invalidRequest, "\(summary): cannot set \(what): \(String(cString: curl_easy_strerror(code)))")
        }
    }

    /// The URL without user information, safe for messages.
    static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.user != nil || components.password != nil else {
            return url
        }
        components.user = nil
        components.password = nil
        return components.string ?? "<url>"
    }
}

extension Duration {
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
