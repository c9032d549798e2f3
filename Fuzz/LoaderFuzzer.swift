// libFuzzer entry for the settings loader. Compiled into the SettingsKit module itself by
// Fuzz/run-libfuzzer.sh (swiftc -sanitize=fuzzer,address), so it needs no import and sees
// internal API. Same properties as the suite's seeded fuzzer (FuzzTests.swift), checked
// with traps so libFuzzer records the input of any violation as a crash.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let settings = try SettingsStore.decode(bytes, path: "fuzz.json")
        let saved = SettingsStore.encode(settings)
        guard let again = try? SettingsStore.decode(saved, path: "fuzz.json") else {
            fatalError("saved settings do not load again")
        }
        precondition(again == settings, "a save changed the settings")
        precondition(SettingsStore.encode(again) == saved, "saving is not a fixed point")
        _ = Readiness.evaluate(settings, fileMode: 0o644)
    } catch {
        if let position = error.position { precondition(position.line >= 1 && position.column >= 1) }
        _ = error.description
    }
    return 0
}
