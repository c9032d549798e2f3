import SettingsKit
for p in CommandLine.arguments.dropFirst() {
    do {
        let f = try SettingsStore.load(p)
        let r = Readiness.evaluate(f)
        for x in r.findings { print(x.severity, x.code, x.field, x.message, "|", x.fix) }
    } catch { print(error) }
}
