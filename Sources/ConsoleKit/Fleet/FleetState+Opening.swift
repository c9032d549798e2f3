import SettingsKit

/// Enter on a row opens its file as `edit FILE` would, in the same console; leaving the
/// walkthrough brings the list back on the same row, with the file judged again.
extension FleetState {
    /// Opens the file under the cursor (`Effect.openFile`; `--read-only` for every file).
    mutating func openSelected() -> Effect? {
        guard let row = list.selected else { return nil }
        // The cursor stays on this file from now on, however the list fills or sorts.
        list.move(to: list.cursor)
        openedRow = row.path
        // Opened by clicks while the filter is typed: the filter stays, typing it ends (as
        // Enter ends it), so the list's keys are the list's again on the way back.
        filterEditor = nil
        return .openFile(path: fullPath(row.path), readOnly: readOnly)
    }

    /// The file is open (its walkthrough has the screen from now on), or why not.
    mutating func opened(_ path: String, _ result: Result<EditSession.Opened, FileError>) -> Effect? {
        switch result {
        case .success(let file):
            var walkthrough = ConsoleState(file.session, notice: file.notice, platformKey: platformKey)
            walkthrough.inFleet = true
            walkthrough.mouseCapture = mouseCapture
            walkthrough.live.lastJob = lastLiveJob
            _ = walkthrough.handle(.resized(width: width, height: height))
            opened = walkthrough
            help = nil
        case .failure(let error):
            let name = openedRow.flatMap { list.row(path: $0)?.shownPath } ?? SystemIO.baseName(of: path)
            status = StatusMessage("Cannot open \(name.displayEscaped): \(error.message) (\(error.code.rawValue))", isError: true)
            openedRow = nil
        }
        return nil
    }

    /// The walkthrough ended as a session ends normally: the list again, and the file
    /// judged again (a job: a big file must not hold up the keys).
    mutating func closed(_ walkthrough: ConsoleState) -> Effect? {
        opened = nil
        platformKey = walkthrough.live.key
        mouseCapture = walkthrough.mouseCapture
        lastLiveJob = walkthrough.live.lastJob
        guard let path = openedRow else { return nil }
        openedRow = nil
        // A file may be named after its own secret: the list draws no mask of its own.
        status = StatusMessage("Back from \(walkthrough.mask.masked(walkthrough.fileName))")
        nextJudgeJob += 1
        let judge = Effect.start(Job(id: Job.ID(Self.watchJob.value + nextJudgeJob), work: FleetJudge(folder: folder, paths: [path])))
        // A test or a dry run the walkthrough left running is stopped: nothing would show
        // its answer, and its requests would go on for nobody. A push being written is
        // let finish, as Esc lets it in the walkthrough.
        guard let running = walkthrough.live.running, walkthrough.live.isCancellable else { return judge }
        return .all([.cancel(running.id), judge])
    }
}
