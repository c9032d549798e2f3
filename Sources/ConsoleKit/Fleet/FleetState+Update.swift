import SettingsKit

/// The fleet list's reducer: one event in, the new state and at most one effect out. While
/// a file is open its walkthrough takes every event but the jobs' news, and its normal
/// end (`.quit(0)`: Esc, ^Q, the quit dialog) brings the list back instead of ending.
extension FleetState: EventHandling {
    public mutating func handle(_ event: Event) -> Effect? {
        switch event {
        case .fleet(let news):
            took(news)
            return nil
        case .opened(let path, let result):
            return opened(path, result)
        case .resized(let width, let height):
            setSize(width: width, height: height)
            if opened != nil { return forward(event) }
            if !watchStarted {
                // The first frame is drawn before the folder is walked: the list fills after.
                watchStarted = true
                return .start(Job(id: Self.watchJob, work: FleetWatch(folder: folder)))
            }
            clampHelp()
            return nil
        default:
            break
        }
        if opened != nil { return forward(event) }
        switch event {
        case .key(let key): return handle(key)
        case .clicked(let target): return clicked(target)
        case .scrolled(let lines): return scrolled(by: lines)
        case .stopRequested(let reason): return .quit(reason.exitCode)
        default:
            // The results of a walkthrough's effects reach it, never the list.
            return nil
        }
    }

    /// An event for the open walkthrough; its normal end brings the list back.
    private mutating func forward(_ event: Event) -> Effect? {
        let effect = opened?.handle(event)
        guard effect == .quit(0), let file = opened else { return effect }
        return closed(file)
    }

    // MARK: Keys

    /// Where keys are looked up now, most specific first.
    var keyContexts: [KeyBinding.Context] {
        if help != nil { return [.anywhere, .help] }
        if filterEditor != nil { return [.anywhere, .fleetFilter, .text] }
        if area == .byCode { return [.anywhere, .byCode, .fleet] }
        return [.anywhere, .fleet]
    }

    /// The list's rows are the table's rows that hold at any time: those bound only while a
    /// file's screen is in some state are that screen's.
    static func isBound(_ binding: KeyBinding) -> Bool { binding.when == nil }

    mutating func handle(_ key: Key) -> Effect? {
        if help == nil, key != .escape { status = nil }
        guard let binding = KeyTable.binding(for: key, in: keyContexts, isBound: Self.isBound) else {
            typed(key)
            return nil
        }
        return perform(binding.action)
    }

    mutating func perform(_ action: Action) -> Effect? {
        switch action {
        case .leaveNow: return .quit(StopReason.interrupt.exitCode)
        case .repaint: return .redraw
        case .suspend: return .suspend
        case .quit: return .quit(0)
        case .help: help = 0
        case .closeHelp: help = nil
        case .scrollDown, .scrollUp, .pageDown, .pageUp, .scrollTop, .scrollBottom:
            if help != nil { scrollHelp(action) } else { move(action) }
        case .selectNext: move(.scrollDown)
        case .selectPrevious: move(.scrollUp)
        case .openRow: return openSelected()
        case .copy:
            // What the panel shows: the code under its cursor, else the chosen file's path.
            let request: ConsoleState.CopyRequest
            if area == .byCode {
                guard codes.indices.contains(codeCursor) else { return nil }
                let code = FleetCodes.all[codes[codeCursor].code]
                request = ConsoleState.copyRequest(name: code, text: code)
            } else {
                guard let row = list.selected else { return nil }
                request = ConsoleState.copyRequest(name: row.shownPath.displayEscaped, text: fullPath(row.shownPath))
            }
            let (effect, message) = request.outcome
            status = message
            return effect
        case .toggleMouse:
            mouseCapture.toggle()
            status = ConsoleState.mouseStatus(mouseCapture)
            return .setMouseCapture(mouseCapture)
        case .cycleSort:
            list.setSort(list.sort.next)
            status = StatusMessage("Sorted by \(list.sort.name)")
        case .startFleetFilter:
            filterEditor = LineEditor(list.query.text)
            area = .list
        case .finishFleetFilter:
            filterEditor = nil
        case .clearFleetFilter:
            filterEditor = nil
            filterMask = SecretMask(secrets: [])
            if !list.query.isEmpty {
                list.setQuery(FleetQuery(""))
                status = StatusMessage("Showing every file")
            }
        case .switchPanel:
            area = area == .list ? .byCode : .list
            codeCursor = max(0, min(codeCursor, codes.count - 1))
        case .filterByCode:
            guard codes.indices.contains(codeCursor) else { return nil }
            list.setQuery(FleetQuery(FleetCodes.all[codes[codeCursor].code]))
            area = .list
            list.move(to: 0)
        default:
            // A text field's keys edit the filter being typed (`LineEditor.perform` knows
            // which they are); a file's keys (save, screens, dialogs) do nothing here.
            editFilter { _ = $0.perform(action) }
        }
        return nil
    }

    /// A character or a paste no binding takes: typed into the filter while it is.
    mutating func typed(_ key: Key) {
        switch key {
        case .char(let c): editFilter { $0.insert(String(c)) }
        case .paste(let text):
            let pasted = ConsoleState.pasted(text)
            if filterEditor != nil, Secret.looksLikeCredential(pasted) {
                filterMask = SecretMask(secrets: filterMask.secrets + [pasted])
            }
            editFilter { $0.insert(pasted) }
        default: break
        }
    }

    /// Changes the filter being typed; the list follows at once.
    private mutating func editFilter(_ change: (inout LineEditor) -> Void) {
        guard var editor = filterEditor else { return }
        change(&editor)
        filterEditor = editor
        if editor.text != list.query.text { list.setQuery(FleetQuery(editor.text)) }
    }

    /// Up, Down, a page, the ends: of the list, or of the by-code panel.
    private mutating func move(_ action: Action) {
        if area == .byCode {
            let last = codes.count - 1
            codeCursor = max(0, min(action.position(from: codeCursor, page: list.viewport, end: last), last))
            return
        }
        list.move(to: action.position(from: list.cursor, page: list.viewport, end: list.shown.count - 1))
    }

    // MARK: Help

    static func helpLines(width: Int) -> [String] { HelpText.reflow(helpText, width: width) }

    static let helpText = HelpText.text(guide: BundledResources.fleetHelp)

    private mutating func scrollHelp(_ action: Action) {
        guard let scroll = help else { return }
        help = HelpText.scroll(scroll, after: action)
        clampHelp()
    }

    private mutating func clampHelp() {
        guard let scroll = help else { return }
        help = max(0, min(scroll, HelpText.maxScroll(in: FleetLayout(width: width, height: height).body, Self.helpLines)))
    }

    // MARK: The mouse

    mutating func clicked(_ target: Target) -> Effect? {
        switch target {
        case .key(let key):
            return handle(key)
        case .fleet(.row(let position)) where help == nil:
            status = nil
            area = .list
            let again = position == list.cursor && list.chosen != nil
            list.move(to: position)
            // A second click on the row opens it, as on Review's findings.
            return again ? openSelected() : nil
        case .fleet(.code(let index)) where help == nil && codes.indices.contains(index):
            let again = index == codeCursor
            codeCursor = index
            return again ? perform(.filterByCode) : nil
        default:
            return nil
        }
    }

    mutating func scrolled(by lines: Int) -> Effect? {
        if let scroll = help {
            help = scroll + 3 * lines
            clampHelp()
        } else {
            move(lines > 0 ? .scrollDown : .scrollUp)
        }
        return nil
    }

    // MARK: The jobs' news

    mutating func took(_ news: FleetEvent) {
        switch news {
        case .listed(let count):
            listed = count
            list.expect(count)
        case .judged(let rows): list.apply(rows)
        case .removed(let paths): list.remove(paths)
        case .loaded: loaded = true
        case .watching(let note): status = StatusMessage(note)
        }
        codeCursor = max(0, min(codeCursor, codes.count - 1))
    }
}
