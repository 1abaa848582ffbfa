import Foundation
import Synchronization

/// Reads a bearer token from a file and reads it again whenever the file changes, as the kubelet rotates
/// projected service account tokens by swapping a symlink.
final class TokenFileReader: Sendable {
    private struct Cached {
        var stamp: FileStamp
        var token: String
    }

    private struct FileStamp: Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modifiedSeconds: Int
        var modifiedNanoseconds: Int
    }

    let path: String
    private let cached = Mutex<Cached?>(nil)

    init(path: String) {
        self.path = path
    }

    func token() throws(KubeError) -> String {
        var info = stat()
        // stat follows symlinks, so a swapped `..data` link shows up as a different inode.
        guard stat(path, &info) == 0 else {
            throw KubeError.credentials("cannot read token file \(path): \(String(cString: strerror(errno)))")
        }
        let stamp = FileStamp(
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
            modifiedSeconds: info.st_mtim.tv_sec, modifiedNanoseconds: info.st_mtim.tv_nsec)
        if let current = cached.withLock({ $0 }), current.stamp == stamp { return current.token }
        guard let contents = FileManager.default.contents(atPath: path) else {
            throw KubeError.credentials("cannot read token file \(path)")
        }
        let token = String(decoding: contents, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty else { throw KubeError.credentials("token file \(path) is empty") }
        cached.withLock { $0 = Cached(stamp: stamp, token: token) }
        return token
    }
}
