/// One occurrence of a rule: what fills the message's {value}, and the field when it is
/// not the rule table's (a scope can be wrong in either scope list).
struct Hit {
    var value: String = ""
    var field: String?
    var label: String = ""
    /// The list entry it is about, when the finding must lead to it (Finding.entry).
    var entry: String?
    /// What fills {hint}: a reason or a suggestion worked out by the check.
    var hint: String = ""
    /// What fills {expected}: the value it should be (the redirect URI a callback URL misses).
    var expected: String = ""
    /// The name of another of the row's `messages` to use instead of its `message`.
    var message: String?
    /// The name of another of the row's `fixes` to use instead of its `fix`.
    var fix: String?
    /// Where in `value` the mistake is (Finding.mark).
    var mark: Int?
}
