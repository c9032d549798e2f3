import SettingsKit

/// How a row reads its value from the settings and writes an edit back: text and lists
/// typed in the console and in plain mode become settings values through the field
/// table's one reading of typed text (`Field.parse`), which `set` uses too.
enum FormValues {
    /// The text a text-entry row shows (and starts editing from).
    static func text(of item: FormItem, in settings: Settings) -> String {
        switch item {
        case .text(let key, _, _): return settings.text(key) ?? ""
        case .list(let key, _): return TextInput.joinList(settings.list(key) ?? [])
        case .customScopes: return TextInput.joinList(customScopes(in: settings))
        default: return ""
        }
    }

    /// Writes edited text back. Text is stored exactly as typed; an empty field removes
    /// the key ("not filled in yet").
    static func setText(_ text: String, of item: FormItem, in settings: inout Settings) {
        switch item {
        case .text(let key, _, _), .list(let key, _):
            guard case .success(let value) = Fields.field(key)?.parse(text) else { return }
            // An emptied list that was not in the file stays out of it.
            settings.setValue(value == .array([]) && settings.value(key) == nil ? nil : value, for: key)
        case .customScopes:
            let checked = (settings.list(FormItem.appScopesKey) ?? []).filter(ScopeCatalogue.isAppScope)
            let all = checked + TextInput.splitList(text)
            settings.setList(FormItem.appScopesKey, all.isEmpty && settings.list(FormItem.appScopesKey) == nil ? nil : all)
        default:
            break
        }
    }

    /// The app's scopes without a box in the checklist; offline_access listed here by
    /// mistake shows too, so it can be seen and removed.
    static func customScopes(in settings: Settings) -> [String] {
        (settings.list(FormItem.appScopesKey) ?? []).filter { !ScopeCatalogue.isAppScope($0) }
    }

    static func isChecked(_ item: FormItem, in settings: Settings) -> Bool {
        switch item {
        case .toggle(let key, _): return settings.flag(key) == true
        case .scope(let scope): return (settings.list(FormItem.appScopesKey) ?? []).contains(scope.name)
        default: return false
        }
    }

    /// Space on a checkbox, a scope or a choice.
    static func toggle(_ item: FormItem, in settings: inout Settings) {
        switch item {
        case .toggle(let key, _):
            settings.setFlag(key, !(settings.flag(key) == true))
        case .scope(let scope):
            var scopes = settings.list(FormItem.appScopesKey) ?? []
            if let i = scopes.firstIndex(of: scope.name) { scopes.remove(at: i) } else { scopes.append(scope.name) }
            settings.setList(FormItem.appScopesKey, scopes)
        case .choice(let key, _, let values, _):
            let current = choice(key, in: settings).flatMap { values.firstIndex(of: $0) }
            settings.setText(key, values[current.map { ($0 + 1) % values.count } ?? 0])
        default:
            break
        }
    }

    /// The value a choice row shows as selected: the file's, else what a missing one
    /// means (the field table's default).
    static func choice(_ key: String, in settings: Settings) -> String? {
        settings.text(key) ?? Fields.field(key)?.defaultValue
    }

    /// Left / Right on a choice pick the neighbouring value without wrapping; with none
    /// chosen yet, the one at that end, as the arrow points (Right: production).
    static func choose(_ item: FormItem, step: Int, in settings: inout Settings) {
        guard case .choice(let key, _, let values, _) = item else { return }
        let current = choice(key, in: settings).flatMap { values.firstIndex(of: $0) }
        let next = current.map { min(values.count - 1, max(0, $0 + step)) } ?? (step > 0 ? values.count - 1 : 0)
        settings.setText(key, values[next])
    }
}
