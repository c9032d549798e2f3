/// The man page's sections that the command definitions do not give (Resources/manual.json):
/// what each exit status means, the environment variables read, the files kept beside a
/// settings file, and examples. `social-console --generate-man-page` writes them after the
/// commands.
public enum Manual {
    public struct Entry: Equatable, Sendable {
        /// An exit status, a variable's name, or a file's name.
        public let term: String
        public let meaning: String
    }

    public struct Example: Equatable, Sendable {
        public let text: String
        public let commands: [String]
    }

    static let document: JSONObject = {
        guard case .object(let document)? = try? JSONParser.parse(Array(BundledResources.manual.utf8)) else {
            fatalError("Resources/manual.json is not a JSON object")
        }
        return document
    }()

    private static func rows(_ key: String) -> [JSONObject] { (document[key]?.arrayValue ?? []).compactMap(\.objectValue) }

    public static let exitStatus: [Entry] = rows("exitStatus").map {
        Entry(term: $0["code"]?.stringValue ?? "", meaning: $0["meaning"]?.stringValue ?? "")
    }

    public static let environment: [Entry] = rows("environment").map {
        Entry(term: $0["name"]?.stringValue ?? "", meaning: $0["meaning"]?.stringValue ?? "")
    }

    /// The files, named as the store names them for a settings file called `file`. The row
    /// "settings" is the file itself, named `settingsFile` (the console's default).
    public static func files(for file: String, settingsFile: String) -> [Entry] {
        rows("files").map { row in
            let id = row["id"]?.stringValue ?? ""
            return Entry(term: id == "settings" ? settingsFile : sideFile(id, of: file) ?? id, meaning: row["meaning"]?.stringValue ?? "")
        }
    }

    /// A side file's name as the store makes it; nil for an id it does not know.
    static func sideFile(_ id: String, of file: String) -> String? {
        switch id {
        case "lock": return FileLock.path(for: file)
        case "history": return HistoryAppend.path(for: file)
        case "recovered": return file + RecoveryFile.suffix
        case "temp": return StagedFile.tempPrefix(for: file) + "*"
        default: return nil
        }
    }

    public static let examples: [Example] = rows("examples").map { row in
        Example(text: row["text"]?.stringValue ?? "", commands: (row["commands"]?.arrayValue ?? []).compactMap(\.stringValue))
    }
}
