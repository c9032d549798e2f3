#if canImport(Glibc)
import Glibc
#endif

/// The rows' paths (as shown) as bytes, one after another, for sorting and filtering: a
/// sort of 100,000 rows compares paths a million times, and a filter reads every one on
/// each key; reading them here is a `memcmp` or a scan, where reading a row's `String`
/// retains and releases it each time. Sorted in the order of their bytes, as the system's
/// names are.
struct FleetPaths: Equatable, Sendable {
    fileprivate struct Span: Equatable, Sendable {
        let start: UInt32
        let count: UInt32
    }

    private var bytes: [UInt8] = []
    /// Each row's, by its place in the rows.
    private var spans: [Span] = []

    init() {}

    init(_ paths: some Sequence<String>) {
        for path in paths { append(path) }
    }

    mutating func reserveCapacity(_ rows: Int) {
        spans.reserveCapacity(rows)
        bytes.reserveCapacity(rows * 32)
    }

    /// The path of the next row.
    mutating func append(_ path: String) {
        spans.append(Span(start: UInt32(bytes.count), count: UInt32(path.utf8.count)))
        bytes.append(contentsOf: path.utf8)
    }

    /// Row `row`'s path is now `path` (a file judged again may show its path masked, or no
    /// longer): the old bytes stay where they were, unread.
    mutating func replace(_ row: Int, with path: String) {
        let span = spans[row]
        guard !bytes[Int(span.start)..<Int(span.start + span.count)].elementsEqual(path.utf8) else { return }
        spans[row] = Span(start: UInt32(bytes.count), count: UInt32(path.utf8.count))
        bytes.append(contentsOf: path.utf8)
    }

    /// Reads the paths in place for `body`: `View.before(a, b)` compares rows a and b.
    func withView<R>(_ body: (View) -> R) -> R {
        bytes.withUnsafeBufferPointer { bytes in
            spans.withUnsafeBufferPointer { spans in body(View(bytes: bytes, spans: spans)) }
        }
    }

    struct View {
        fileprivate let bytes: UnsafeBufferPointer<UInt8>
        fileprivate let spans: UnsafeBufferPointer<Span>

        /// Row `row`'s path.
        func path(_ row: Int) -> UnsafeBufferPointer<UInt8> {
            let span = spans[row]
            return UnsafeBufferPointer(rebasing: bytes[Int(span.start)..<Int(span.start + span.count)])
        }

        /// Whether row `a`'s path comes before row `b`'s.
        func before(_ a: Int, _ b: Int) -> Bool {
            let (x, y) = (spans[a], spans[b])
            let common = Int(min(x.count, y.count))
            if common > 0, let base = bytes.baseAddress {
                let order = memcmp(base + Int(x.start), base + Int(y.start), common)
                if order != 0 { return order < 0 }
            }
            return x.count < y.count
        }
    }
}
