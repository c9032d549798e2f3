import SettingsKit

/// The console's screens: one per setup step, in the guide's order, then Review. Derived
/// from `Step`, so a new step is a new screen everywhere (the step list, the title's
/// "3/7", the help file's name) without another list to keep in line.
public enum Screen: Hashable, Sendable, CaseIterable {
    case step(Step)
    case review

    public static let allCases: [Screen] = Step.allCases.map(Screen.step) + [.review]

    init(_ step: Step) { self = .step(step) }

    /// The setup step the screen edits; Review has none.
    var step: Step? {
        if case .step(let step) = self { return step }
        return nil
    }

    /// Position in `allCases`, from 0: the title's "n/7" and the step list's row.
    var index: Int { step.flatMap { Step.allCases.firstIndex(of: $0) } ?? Step.allCases.count }

    var title: String { step?.title ?? "Review" }

    /// The name of its help file under Resources/help/, without the extension.
    var helpName: String { step?.rawValue ?? "review" }

    var next: Screen { Screen.allCases.indices.contains(index + 1) ? Screen.allCases[index + 1] : self }
    var previous: Screen { index > 0 ? Screen.allCases[index - 1] : self }
}
