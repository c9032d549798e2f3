#if canImport(Glibc)
import Glibc
#endif

/// Lines from standard input (a terminal, a pipe or a file), read in blocks, without
/// their line break ("\n" or "\r\n"). A last line without a line break still counts. A
/// line longer than `limit` is read to its end and reported, never held whole.
final class LineReader {
    enum Line: Equatable {
        case text([UInt8])
        case tooLong
        /// A signal that ends plain mode arrived while the line was awaited.
        case stopped
    }

    private let fd: Int32
    private let limit: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false

    init(fd: Int32, limit: Int) {
        self.fd = fd
        self.limit = limit
    }

    /// The next line, or nil at the end of input.
    func next() -> Line? {
        var overLimit = false
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                var line = Array(buffer[start..<newline])
                start = newline + 1
                if overLimit { return .tooLong }
                if line.last == 0x0D { line.removeLast() }
                return .text(line)
            }
            if buffer.count - start > limit {
                // Keep reading to the line's end, without keeping what is read.
                overLimit = true
                buffer.removeAll(keepingCapacity: true)
                start = 0
            }
            if atEnd {
                guard start < buffer.count || overLimit else { return nil }
                let line = Array(buffer[start...])
                start = buffer.count
                return overLimit ? .tooLong : .text(line)
            }
            buffer.removeSubrange(0..<start)
            start = 0
            var chunk = [UInt8](repeating: 0, count: 4096)
            let n = chunk.withUnsafeMutableBytes { StopAwareRead.read(fd, $0) }
            if n < 0 && errno == EINTR {
                if Signals.stopReason() != nil { return .stopped }
                continue
            }
            if n <= 0 { atEnd = true } else { buffer.append(contentsOf: chunk[..<n]) }
        }
    }
}
