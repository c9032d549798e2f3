/// One row of the key table: the keys, how people see them named, and what they do.
/// As huh's `key.NewBinding(WithKeys, WithHelp)`: the key bar, the dialogs' choice lines,
/// F1's key list and the reducer all read the same row, so they cannot disagree.
struct KeyBinding: Sendable {
    /// Where the binding applies. A key is looked up in the contexts that are active,
    /// most specific first (`ConsoleState.keyContexts`).
    enum Context: String, CaseIterable, Sendable {
        /// Always, whatever is open.
        case anywhere
        /// A screen with no dialog open.
        case screens
        /// A text field (its editor holds the text being typed).
        case text
        /// A scope of the checklist (also a checkbox).
        case scope
        /// While the scope filter is typed.
        case scopeFilter
        case checkbox
        case choice
        /// An action row ("Use the instance's redirect URI").
        case button
        case review
        /// A screen where no text is being typed (checklists, toggles, choices, actions,
        /// Review, read-only): single letters are free for help, quit and copy.
        case browsing
        case help
        case quitDialog
        case changesDialog
        case mergeDialog
        case restoreDialog
        /// The hidden prompt for the Platform API key.
        case keyPrompt
        /// Clerk's dry run of a push, or a push refused.
        case pushDialog
        /// The list a dialog shows (the changes, the recovered edits), as it scrolls.
        case dialogList
        /// The fleet list (`social-console DIR`).
        case fleet
        /// While the fleet list's filter is typed.
        case fleetFilter
        /// The fleet's by-code panel.
        case byCode
        /// A file's walkthrough opened from the fleet list.
        case fleetFile

        /// F1's heading for the context's keys.
        var heading: String {
            switch self {
            case .anywhere: return "Anywhere"
            case .screens: return "On every screen"
            case .text: return "In a text field"
            case .scope: return "On a scope"
            case .scopeFilter: return "Typing the scope filter"
            case .checkbox: return "On a checkbox"
            case .choice: return "On a choice"
            case .button: return "On an action"
            case .review: return "On Review"
            case .browsing: return "Where no text is typed"
            case .help: return "In help"
            case .quitDialog: return "Quitting with unsaved changes"
            case .changesDialog: return "The unsaved changes (^D)"
            case .mergeDialog: return "Saving when the file changed on disk"
            case .restoreDialog: return "Edits recovered from a closed terminal"
            case .keyPrompt: return "The Platform API key prompt"
            case .pushDialog: return "Pushing to Clerk"
            case .dialogList: return "A dialog's list of changes, when it does not fit"
            case .fleet: return "The fleet list"
            case .fleetFilter: return "Typing the fleet filter"
            case .byCode: return "The by-code panel"
            case .fleetFile: return "In a file opened from the fleet list"
            }
        }
    }

    let context: Context
    let keys: [Key]
    /// The keys as F1 and the README name them: "Tab, Down".
    let names: String
    /// The key's short name on the key bar or a dialog's choice line ("^S"); nil: shown
    /// only in F1.
    let bar: String?
    /// The word on the key bar ("Save").
    let label: String
    /// Another word for times the row says ("Hide" while the secret is shown).
    let relabel: (label: String, when: @Sendable (ConsoleState) -> Bool)?
    /// What F1 says it does.
    let help: String
    let action: Action
    /// Which entries stay when the bar is short, highest last to go: 3 the focused row's
    /// own keys and quit, on the narrowest bar; 2 leaving the screen (PgUp/PgDn), saving
    /// and help, which an 80-column bar always keeps (`KeyBarTests`); 1 moving around,
    /// undo, copy; 0 the rest (the list of changes, the mouse). Among equals the last on
    /// the bar goes first.
    let priority: Int
    /// It edits or saves: hidden from the bar in `--read-only`, where it only says why not.
    let edits: Bool
    /// When the keys are this row's at all (nil: always, in its context). While not, they
    /// are looked up in the next context, and the bar does not show the row.
    let when: (@Sendable (ConsoleState) -> Bool)?
    /// When the bar shows the row (nil: whenever it is bound). The keys still work while
    /// it is hidden; what they do then (say, "Nothing to undo") is just not worth a place.
    let shown: (@Sendable (ConsoleState) -> Bool)?

    init(
        _ context: Context, _ keys: [Key], _ names: String, bar: String? = nil, _ label: String = "",
        relabel: (label: String, when: @Sendable (ConsoleState) -> Bool)? = nil, help: String,
        _ action: Action, priority: Int = 1, edits: Bool = false, when: (@Sendable (ConsoleState) -> Bool)? = nil,
        shown: (@Sendable (ConsoleState) -> Bool)? = nil
    ) {
        self.context = context
        self.keys = keys
        self.names = names
        self.bar = bar
        self.label = label
        self.relabel = relabel
        self.help = help
        self.action = action
        self.priority = priority
        self.edits = edits
        self.when = when
        self.shown = shown
    }

    /// Whether the row's keys are its own now.
    func isBound(in state: ConsoleState) -> Bool { when?(state) ?? true }

    /// The word on the bar now.
    func label(in state: ConsoleState) -> String {
        if let relabel, relabel.when(state) { return relabel.label }
        return label
    }
}
