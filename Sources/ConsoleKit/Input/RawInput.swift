/// One read of the terminal, as ncurses' `wget_wch` reports it, before any decoding.
/// The backend makes these; `KeyDecoder` turns them into `Key`s. Keeping the raw form
/// out of the backend lets tests and the fuzzer drive the decoder without a terminal.
public enum RawInput: Equatable, Sendable {
    /// `KEY_CODE_YES`: ncurses recognised a key sequence and gives its code.
    case keyCode(Int32)
    /// `OK`: one character, as its code point (wint_t; not necessarily a valid scalar).
    case character(UInt32)
    /// `ERR`: nothing arrived within the `milliseconds` the read waited.
    case nothing(milliseconds: Int)
}
