import SettingsKit
#if canImport(Glibc)
import Glibc
#endif

/// Standard output for commands that write a lot (`audit` over thousands of files):
/// text is gathered and written in blocks of 64 KiB instead of one call per line.
/// Streaming output (`audit --format jsonl`) is still passed on promptly: every record
/// at once on a terminal, else at least every tenth of a second. Text is masked of the
/// secrets `Output` hides, as everything `Output` writes is.
/// Not thread-safe: callers take turns (ParallelAudit calls `emit` one at a time).
final class BufferedOutput {
    private var buffer: [UInt8] = []
    private let limit = 65_536
    private let streaming: Bool
    private let terminal = isatty(1) == 1
    private var lastFlush = MonotonicInstant.now

    init(streaming: Bool) {
        self.streaming = streaming
        buffer.reserveCapacity(limit + 4096)
    }

    deinit { flush() }

    func write(_ text: String) {
        buffer.append(contentsOf: TextLocale.forOutput(Output.masked(text)).utf8)
        if buffer.count >= limit { flush() }
    }

    /// After each streamed record: write it out if a reader has waited long enough.
    func endOfRecord() {
        guard streaming, !buffer.isEmpty else { return }
        if terminal || MonotonicInstant.now - lastFlush >= .milliseconds(100) { flush() }
    }

    func flush() {
        lastFlush = MonotonicInstant.now
        _ = SystemIO.writeAll(1, buffer)  // a closed pipe: nothing more can be written
        buffer.removeAll(keepingCapacity: true)
    }
}
