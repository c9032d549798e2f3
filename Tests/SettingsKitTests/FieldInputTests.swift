import TestSupport
import Testing
@testable import SettingsKit

/// The one reading of typed text (`Field.parse`), which `set`, the console and plain mode
/// share: the same text is the same value in all three.
@Suite struct FieldInputTests {
    static func parse(_ key: String, _ text: String) -> Result<JSONValue?, Field.InputError> {
        Fields.field(key)!.parse(text)
    }

    @Test(arguments: [
        ("dev", "development"), ("d", "development"), ("DEVELOPMENT", "development"), (" prod ", "production"),
        ("Production", "production"), ("p", "production"),
    ])
    func anEnvironmentByAnyBeginning(_ typed: String, _ value: String) throws {
        #expect(try Self.parse("instance.environment", typed).get() == .string(value))
    }

    @Test(arguments: [
        ("shar", "sharing"), ("s", "sharing"), ("Sharing", "sharing"), ("not", "not_sharing"), ("Not sharing", "not_sharing"),
        ("not-sh", "not_sharing"), ("not_sharing", "not_sharing"), ("n", "not_sharing"),
    ])
    func aStatusByValueOrNameOrBeginning(_ typed: String, _ value: String) throws {
        #expect(try Self.parse("atlassianApp.distribution.status", typed).get() == .string(value))
    }

    @Test func aChoiceNoValueStartsWithIsRefusedNamingTheChoicesNotTheText() {
        let typed = TestSecret.value
        guard case .failure(let error) = Self.parse("instance.environment", typed) else {
            Issue.record("taken")
            return
        }
        #expect(error.message == "expected development or production (or their first letters)")
        #expect(!error.message.contains(typed))
    }

    @Test func aBeginningTwoChoicesShareIsAskedForMore() {
        let field = Field("x.kind", "Kind", .choice(["staging", "stable"]), .instance, "")
        #expect(field.parse("sta") == .failure(Field.InputError("more than one choice starts so: type more of staging or stable")))
        #expect(field.parse("stag") == .success(.string("staging")))
    }

    @Test(arguments: [("true", true), ("YES", true), ("y", true), ("False", false), ("no", false), (" n ", false)])
    func togglesInWords(_ typed: String, _ value: Bool) throws {
        #expect(try Self.parse("connection.enabled", typed).get() == .bool(value))
        #expect(FieldInput.yesOrNo(typed) == value)
    }

    @Test func emptyTextIsNoValueButAnEmptyListIsAList() throws {
        #expect(try Self.parse("instance.name", "").get() == nil)
        #expect(try Self.parse("connection.enabled", " ").get() == nil)
        #expect(try Self.parse("instance.environment", "").get() == nil)
        #expect(try Self.parse("atlassianApp.scopes", "").get() == .array([]))
        #expect(
            try Self.parse("atlassianApp.scopes", "read:me, read:jira-work write:jira-work").get()
                == .array(["read:me", "read:jira-work", "write:jira-work"].map(JSONValue.string)))
        #expect(try Self.parse("instance.name", "  as typed ").get() == .string("  as typed "), "text is kept exactly as typed")
    }

    @Test func choicesAreShownByTheirNamesWithTheirDefault() {
        let status = Fields.field("atlassianApp.distribution.status")!
        #expect(status.choices.map(\.name) == ["Not sharing", "Sharing"])
        #expect(status.defaultValue == "not_sharing")
        #expect(Fields.field("instance.environment")!.choices.map(\.name) == ["development", "production"])
        #expect(Fields.field("instance.environment")!.defaultValue == nil)
    }
}
