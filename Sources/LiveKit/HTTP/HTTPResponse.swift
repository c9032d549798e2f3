import SettingsKit

/// An answer that arrived, whatever its status.
public struct HTTPResponse: Sendable {
    public let status: Int
    /// Header names in lower case, values without surrounding white space, in order.
    public let headers: [(name: String, value: String)]
    public let body: [UInt8]

    public init(status: Int, headers: [(name: String, value: String)], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of a header, by its name in any case.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name == wanted }?.value
    }

    /// Parses the header block libcurl collected: "HTTP/1.1 200 OK" then "Name: value" lines.
    static func parseHeaders(_ bytes: [UInt8]) -> [(name: String, value: String)] {
        var out: [(String, String)] = []
        for line in bytes.split(separator: UInt8(ascii: "\n")) {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { continue }
            let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self).lowercased()
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingWhitespace
            out.append((name, value))
        }
        return out
    }
}
