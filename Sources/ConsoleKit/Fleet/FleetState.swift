import LiveKit
import SettingsKit

/// The fleet list (`social-console DIR`): a screen of the console's state machine, not a
/// second program. Its rows are summaries the parallel audit posts as events (`FleetWatch`,
/// a job); Enter opens a row's file as `edit FILE` would (`Effect.openFile`) and holds that
/// walkthrough (`opened`, a `ConsoleState`: every screen, key and dialog as ever) until
/// the operator leaves it, then judges the file again. The reducer (`handle`, in
/// FleetState+Update) is the only writer.
public struct FleetState: Equatable, Sendable {
    /// Where keys go while no file is open.
    enum Area: Equatable, Sendable {
        case list
        /// The by-code panel (Tab).
        case byCode
    }

    /// The folder as given: rows name their files below it.
    let folder: String
    /// Every file is opened read-only (`--read-only`).
    let readOnly: Bool
    /// The Platform API key each walkthrough's live actions use (one typed at a
    /// walkthrough's prompt is kept for the next file).
    var platformKey: PlatformKey?
    /// The terminal reports clicks and the wheel (F4 turns it off and on, here and in a
    /// walkthrough alike).
    var mouseCapture = true
    var list = FleetList()
    var area = Area.list
    /// The filter's text while it is typed (`/`); the list follows each key.
    var filterEditor: LineEditor?
    /// What was pasted into the filter shaped like a credential (`Secret.looksLikeCredential`):
    /// no file's secret is there to compare a paste with, and a secret pasted into the
    /// filter by mistake shows as the fixed mask, as in a file's fields. Forgotten with
    /// the filter.
    var filterMask = SecretMask(secrets: [])
    /// The by-code panel's cursor, a place in `list.counts.codesByCount`.
    var codeCursor = 0
    /// F1's scroll while help is open over the list.
    var help: Int?
    var status: StatusMessage?
    /// The file opened from the list, while its walkthrough has the screen.
    var opened: ConsoleState?
    /// Its row's path (set while it is being opened too).
    var openedRow: String?
    private(set) var width = Layout.fullWidth
    private(set) var height = Layout.fullHeight
    /// Settings files the walk found (nil until it is done).
    var listed: Int?
    /// Every file listed has been judged once.
    var loaded = false
    /// The watch of the folder was asked for (on the first event, after the first frame).
    var watchStarted = false
    /// Ids for the jobs that judge one file again (after its walkthrough is left).
    var nextJudgeJob = 1
    /// The last live job's number in any walkthrough: the next walkthrough numbers on from
    /// it, so a job still at work from a file left behind (a test, a push) is never taken
    /// for one of the next file's, nor stops the runner from starting that one.
    var lastLiveJob = 0

    /// The job that walks, judges and watches the folder for as long as the list is open.
    static let watchJob = Job.ID(0x00F1_EE70_0000)

    public init(folder: String, readOnly: Bool, platformKey: PlatformKey? = nil) {
        self.folder = folder
        self.readOnly = readOnly
        self.platformKey = platformKey
    }

    /// A file's path as the system knows it: the folder, then the row's path below it.
    func fullPath(_ path: String) -> String { FleetWatch.path(path, in: folder) }

    /// The folder as the title names it: its controls and bytes that are not UTF-8 shown escaped.
    var folderName: String { folder.displayEscaped }

    /// Judged once, counting what the walk found: "judged N/M" until every file is.
    var progress: (judged: Int, of: Int)? {
        loaded ? nil : (list.counts.files, max(listed ?? 0, list.counts.files))
    }

    /// The codes the by-code panel lists, most files first.
    var codes: [(code: Int, files: Int)] { list.counts.codesByCount }

    // MARK: Changes only the reducer makes

    mutating func setSize(width: Int, height: Int) {
        self.width = width
        self.height = height
        list.setViewport(FleetLayout(width: width, height: height).listRows)
    }
}

extension FleetState: ConsoleModel {
    /// The open walkthrough's frame, else the list's.
    public func render() -> CellBuffer { opened?.render() ?? FleetView.render(self) }
    public var watchedFile: (path: String, base: LoadedFile?)? { opened?.watchedFile }
    public var farewell: [String] { opened?.farewell ?? [] }
    /// The open walkthrough's (the list's own help asks nothing).
    public var shownDialog: ShownDialog? { opened?.shownDialog }
}
