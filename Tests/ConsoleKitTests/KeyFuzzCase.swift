@testable import ConsoleKit

/// One input of the key fuzzer: how the console starts, then what the terminal sends.
/// Written as lines of text (see `text`) so a failing case can be read, kept in
/// Tests/FuzzCorpus/keys/ and replayed.
struct KeyFuzzCase: Equatable {
    /// The settings the console opens: the example files and an empty file. Every start
    /// but `empty` holds `KeyFuzzRunner.secret` as its client secret.
    enum Start: String, CaseIterable {
        case acmeProd = "acme-prod", acmeStaging = "acme-staging", secretOnly = "secret-only", empty
    }

    /// How the fake run loop answers the save effects that follow.
    enum SaveResult: String, CaseIterable { case ok, fail, conflict }

    /// Edits kept by an earlier session (FILE.recovered.json), offered at start.
    enum Recovery: String, CaseIterable { case none, offered, fileChangedSince = "file-changed-since" }

    enum Step: Equatable {
        /// One raw read, `times` times in a row (a held key, a long paste).
        case raw(RawInput, times: Int)
        /// The terminal takes this size and ncurses reports KEY_RESIZE.
        case resize(width: Int, height: Int)
        case saves(SaveResult)
        /// The run loop's look at the file on disk: someone else saved it, or not.
        case diskChanged(Bool)
        /// A left click (press and release) at a cell, as the terminal reports it (SGR).
        case click(x: Int, y: Int)
        /// A turn of the wheel over a cell.
        case wheel(up: Bool, x: Int, y: Int)
    }

    var start = Start.acmeProd
    var readOnly = false
    /// 0o644 makes the "readable by others" finding, which a save (0o600) then clears.
    var fileMode: UInt32 = 0o600
    var width = 80, height = 24
    var recovery = Recovery.none
    var steps: [Step] = []

    // MARK: Text form

    var text: String {
        var lines = [
            "# social-console key fuzz case (KeyFuzzTests replays every file in this folder)",
            "start \(start.rawValue)", "mode \(readOnly ? "read-only" : "editable")",
            "file-mode \(String(fileMode, radix: 8))", "size \(width) \(height)",
        ]
        if recovery != .none { lines.append("recovery \(recovery.rawValue)") }
        for step in steps {
            switch step {
            case .raw(let input, let times):
                var line: String
                switch input {
                case .keyCode(let code): line = "key \(code)"
                case .character(let code): line = "char \(code)"
                case .nothing(let ms): line = "nothing \(ms)"
                }
                if times != 1 { line += " x\(times)" }
                if case .character(let code) = input, code > 32, code != 127, code < 0x80 {
                    line += " # \(Character(Unicode.Scalar(code)!))"
                }
                lines.append(line)
            case .resize(let w, let h): lines.append("resize \(w) \(h)")
            case .saves(let result): lines.append("saves \(result.rawValue)")
            case .diskChanged(let changed): lines.append("disk-changed \(changed ? "yes" : "no")")
            case .click(let x, let y): lines.append("click \(x) \(y)")
            case .wheel(let up, let x, let y): lines.append("wheel \(up ? "up" : "down") \(x) \(y)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads the text form; fails on the first line it does not understand.
    static func parse(_ text: String) -> Result<KeyFuzzCase, ParseError> {
        var c = KeyFuzzCase()
        for (number, full) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = full.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let words = line.split(separator: " ").map(String.init)
            guard let word = words.first else { continue }
            let args = Array(words.dropFirst())
            let fail = ParseError(line: number + 1, text: String(full))
            var times = 1
            var values = args
            if let last = args.last, last.hasPrefix("x"), let n = Int(last.dropFirst()), n >= 0 {
                times = n
                values.removeLast()
            }
            switch (word, values.count) {
            case ("start", 1): guard let s = Start(rawValue: values[0]) else { return .failure(fail) }; c.start = s
            case ("mode", 1): c.readOnly = values[0] == "read-only"
            case ("file-mode", 1): guard let m = UInt32(values[0], radix: 8) else { return .failure(fail) }; c.fileMode = m
            case ("size", 2), ("resize", 2):
                guard let w = Int(values[0]), let h = Int(values[1]) else { return .failure(fail) }
                if word == "size" { c.width = w; c.height = h } else { c.steps.append(.resize(width: w, height: h)) }
            case ("saves", 1): guard let r = SaveResult(rawValue: values[0]) else { return .failure(fail) }; c.steps.append(.saves(r))
            case ("recovery", 1): guard let r = Recovery(rawValue: values[0]) else { return .failure(fail) }; c.recovery = r
            case ("disk-changed", 1): c.steps.append(.diskChanged(values[0] == "yes"))
            case ("click", 2):
                guard let x = Int(values[0]), let y = Int(values[1]) else { return .failure(fail) }
                c.steps.append(.click(x: x, y: y))
            case ("wheel", 3):
                guard let x = Int(values[1]), let y = Int(values[2]), ["up", "down"].contains(values[0]) else { return .failure(fail) }
                c.steps.append(.wheel(up: values[0] == "up", x: x, y: y))
            case ("key", 1): guard let v = Int32(values[0]) else { return .failure(fail) }; c.steps.append(.raw(.keyCode(v), times: times))
            case ("char", 1): guard let v = UInt32(values[0]) else { return .failure(fail) }; c.steps.append(.raw(.character(v), times: times))
            case ("nothing", 1):
                guard let v = Int(values[0]) else { return .failure(fail) }; c.steps.append(.raw(.nothing(milliseconds: v), times: times))
            default: return .failure(fail)
            }
        }
        return .success(c)
    }

    struct ParseError: Error, Equatable, CustomStringConvertible {
        var line: Int
        var text: String
        var description: String { "line \(line) not understood: \(text)" }
    }
}
