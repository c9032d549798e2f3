import SettingsKit

/// One question of plain mode: a console row on its screen. The questions are the
/// console's rows in screen and focus order (`Forms.questions(for:)`), so both ask the
/// same things in the same order with the same labels.
struct PlainQuestion: Equatable, Sendable {
    let screen: Screen
    let item: FormItem

    /// Every question, Instance to Distribution.
    static let all: [PlainQuestion] = Step.allCases.flatMap { step in
        Forms.questions(for: Screen(step)).map { PlainQuestion(screen: Screen(step), item: $0) }
    }

    /// The step's number, from 1, as the headings say it.
    var stepNumber: Int { screen.step == nil ? 0 : screen.index + 1 }

    /// The settings key whose findings are this answer's own (the action's: the callback URLs).
    var key: String { item.key ?? FormItem.callbackKey }

    /// The action is asked only when it would do something: a redirect URI is filled in
    /// and the callback URLs do not hold it yet.
    func applies(to settings: Settings) -> Bool {
        item != .useRedirectURI || Self.redirectFill(in: settings) != nil
    }

    /// What the action would do, as the console's Enter does it (the URI added, or put in
    /// place of a near miss); nil when there is no redirect URI or nothing would change.
    static func redirectFill(in settings: Settings) -> RedirectURIFill? {
        guard let uri = settings.filled("instance.redirectUri") else { return nil }
        let current = settings.list(FormItem.callbackKey) ?? []
        let fill = RedirectURIFill(uri, into: current)
        return fill.urls == current ? nil : fill
    }

    /// What to type, after the label: the answers a toggle or a choice takes.
    var hint: String {
        switch item {
        case .toggle, .useRedirectURI: return " (y/n)"
        case .choice(_, _, _, let names):
            return " (" + names.enumerated().map { "\($0.offset + 1) \($0.element)" }.joined(separator: ", ") + ")"
        default: return ""
        }
    }

    /// The value now, as the brackets show it. The secret only says whether it is set.
    func shown(in settings: Settings) -> String {
        switch item {
        case .text(let key, _, let secret):
            guard let text = settings.text(key) else { return "not set" }
            return secret ? "set" : text
        case .list(let key, _):
            guard let list = settings.list(key) else { return "not set" }
            return list.isEmpty ? "none" : TextInput.joinList(list)
        case .toggle(let key, _):
            return settings.flag(key).map { $0 ? "y" : "n" } ?? "not set"
        case .choice(let key, _, let values, let names):
            guard let value = FormValues.choice(key, in: settings) else { return "not set" }
            return values.firstIndex(of: value).map { names[$0] } ?? value
        case .useRedirectURI:
            return "n"
        case .scope, .customScopes:
            return ""  // never asked one by one: Forms.questions makes them one list
        }
    }

    /// How to answer, for `?`.
    var howToAnswer: String {
        switch item {
        case .text(_, _, true): return "Type or paste the Client Secret; it is never shown."
        case .text: return "Type the value."
        case .list: return "Type the values separated by spaces or commas; they replace the whole list."
        case .toggle: return "Answer y or n."
        case .choice(_, _, let values, let names):
            return "Answer with the number or the name (its first letters are enough): "
                + values.indices.map { "\($0 + 1) \(names[$0])" + (names[$0] == values[$0] ? "" : " (\(values[$0]))") }.joined(separator: ", ") + "."
        case .useRedirectURI: return "y adds the instance's redirect URI to the callback URLs; n leaves them as they are."
        case .scope, .customScopes: return ""
        }
    }

    /// The settings with `answer` applied, or why it is not an answer to this question.
    /// `answer` is not a command (Enter, -, ?, <, q): those are handled before. Values are
    /// read as `set` and the console read them (`Field.parse`); a choice also by its number.
    func apply(_ answer: String, to settings: Settings) -> Result<Settings, PlainRefusal> {
        var settings = settings
        switch item {
        case .text, .list:
            if PlainText.holdsControl(answer) {
                return .failure(PlainRefusal("the answer holds a control character; type it again without it"))
            }
            FormValues.setText(answer, of: item, in: &settings)
        case .toggle(let key, _):
            guard let yes = FieldInput.yesOrNo(answer) else { return .failure(PlainRefusal("answer y or n")) }
            settings.setFlag(key, yes)
        case .choice(let key, _, let values, let names):
            if let n = Int(answer.trimmingWhitespace), values.indices.contains(n - 1) {
                settings.setText(key, values[n - 1])
            } else if case .success(let value)? = Fields.field(key)?.choice(named: answer) {
                settings.setText(key, value)
            } else {
                return .failure(
                    PlainRefusal(
                        "answer " + values.indices.map { "\($0 + 1)" }.joined(separator: " or ")
                            + ", or one of: " + names.joined(separator: ", ") + " (its first letters are enough)"))
            }
        case .useRedirectURI:
            guard let yes = FieldInput.yesOrNo(answer) else { return .failure(PlainRefusal("answer y or n")) }
            if yes, let fill = Self.redirectFill(in: settings) { settings.setList(FormItem.callbackKey, fill.urls) }
        case .scope, .customScopes:
            break
        }
        return .success(settings)
    }

    /// `-`: the value removed ("not filled in yet"), as an emptied field in the console.
    func clear(_ settings: Settings) -> Result<Settings, PlainRefusal> {
        var settings = settings
        switch item {
        case .text, .list: FormValues.setText("", of: item, in: &settings)
        case .toggle(let key, _), .choice(let key, _, _, _): settings.setValue(nil, for: key)
        case .useRedirectURI: return .failure(PlainRefusal("this question takes y or n"))
        case .scope, .customScopes: break
        }
        return .success(settings)
    }
}

/// Why an answer was not taken; said before the question is asked again. Never quotes
/// the answer (it may be the secret).
struct PlainRefusal: Error, Equatable {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}
