#if canImport(Glibc)
import Glibc
#endif

/// One HTTP request, as a value. A body may hold the client secret: it is kept in a
/// `SensitiveBytes` that wipes its bytes when the request is done with.
public struct HTTPRequest: Sendable {
    public var method: String
    public var url: String
    /// Name and value; `Authorization` may hold the Platform API key.
    public var headers: [(String, String)]
    public var body: SensitiveBytes?

    public init(method: String, url: String, headers: [(String, String)] = [], body: SensitiveBytes? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// Bytes that are overwritten with zeros when the last reference goes: a request body
/// holding the secret does not linger in freed memory.
public final class SensitiveBytes: @unchecked Sendable {
    private(set) var bytes: [UInt8]

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public convenience init(_ text: String) { self.init(Array(text.utf8)) }

    deinit {
        bytes.withUnsafeMutableBytes { raw in
            if let base = raw.baseAddress { explicit_bzero(base, raw.count) }
        }
    }

    public var count: Int { bytes.count }

    func withBytes<T>(_ body: (UnsafeBufferPointer<UInt8>) -> T) -> T { bytes.withUnsafeBufferPointer(body) }
}
