/// Descriptions of the types that hold the client secret, so that `print`, string
/// interpolation, `dump`, a debugger's `po` and a failing test's message never show it.
/// `Settings` prints itself redacted (Settings.swift); these cover what wraps it.

extension Settings: CustomReflectable {
    /// `dump(settings)` and debuggers walk a mirror, not `description`: without this they
    /// would list the raw document, secret included.
    public var customMirror: Mirror {
        Mirror(self, children: ["redacted": description], displayStyle: .struct)
    }
}

extension LoadedFile: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The path and the redacted settings; never the file's bytes, which hold the secret.
    public var description: String { "LoadedFile(\(path), mode \(String(mode, radix: 8)), \(settings.description))" }
    public var debugDescription: String { description }
    public var customMirror: Mirror {
        Mirror(self, children: ["path": path, "settings": settings, "mode": mode], displayStyle: .struct)
    }
}

extension Change: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// A change to the secret says only that it changed, as the history does.
    public var description: String { line() }
    public var debugDescription: String { description }
    public var customMirror: Mirror {
        Mirror(self, children: ["change": description], displayStyle: .struct)
    }
}

extension KnownValues: CustomStringConvertible, CustomReflectable {
    /// The values are the document's, the secret among them: only how many are present.
    var description: String { "KnownValues(\(count) keys present)" }
    var customMirror: Mirror { Mirror(self, children: ["present": count], displayStyle: .struct) }
}
