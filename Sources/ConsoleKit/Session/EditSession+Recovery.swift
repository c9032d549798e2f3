import SettingsKit

/// Edits recovered from a closed terminal, and keeping them when the terminal goes away:
/// the same for the console and plain mode.
extension EditSession {
    /// Restores the offered edits as unsaved edits, over the version of the file they were
    /// made to: the save that follows merges them with what others saved since, as any
    /// save does (their keys kept, keys both changed listed for a side each). `place`:
    /// where the console records the step for undo.
    mutating func restoreRecovery(at place: EditHistory.Place? = nil) {
        guard let offer = recoveryOffer else { return }
        recoveryOffer = nil
        let madeTo = madeTo(offer)
        if madeTo != saved {
            saved = madeTo
            savedIsOlderThanBase = base != nil
            changedOnDisk = savedIsOlderThanBase
        }
        update(at: place) { $0 = offer.edits }
        for secret in Secret.values(in: offer.edits) { noteSecret(secret) }
        restoredRecovery = true
    }

    /// What the offered edits were made to. An older recovery file did not keep its base:
    /// then every key that differs from the file counts as changed on both sides, and the
    /// save asks about each.
    func madeTo(_ offer: RecoveryFile.Pending) -> Settings {
        offer.base ?? (base == nil || offer.madeToNewFile ? saved : Settings(root: JSONObject()))
    }

    /// What restoring the offered edits would make unsaved, `key: old → new` (the secret
    /// only as changed): both front ends list it with the offer.
    var recoveryChanges: [Change] {
        recoveryOffer.map { SettingsDiff.compare(madeTo($0), $0.edits) } ?? []
    }

    /// Declines the offered edits: the recovery file is removed.
    mutating func discardRecovery() -> Effect? {
        guard recoveryOffer != nil else { return nil }
        recoveryOffer = nil
        return .discardRecovery(path: path)
    }

    /// Neither restores nor removes them: offered again next time.
    mutating func postponeRecovery() {
        recoveryOffer = nil
    }

    /// Leaving normally drops restored edits the operator did not save: their recovery
    /// file goes too, then the session ends. Ctrl-C keeps it, as it keeps everything.
    mutating func leave() -> Effect {
        if restoredRecovery, !readOnly {
            quitting = true
            return .discardRecovery(path: path)
        }
        return .quit(0)
    }

    mutating func recoveryDiscarded() -> Effect? {
        restoredRecovery = false
        return quitting ? .quit(0) : nil
    }

    mutating func recoveryDiscardFailed() -> Effect? {
        quitting ? .quit(0) : nil
    }

    /// A hangup (the terminal closed) or a SIGTERM (shutdown, kill) does not mean "throw
    /// my edits away": they go to FILE.recovered.json with the version they were made to.
    /// SIGINT, like Ctrl-C, is the operator's own "leave now" and keeps nothing.
    /// `edited`: the settings with the text being typed, when the front end has some.
    mutating func stopRequested(_ reason: StopReason, edited: Settings? = nil) -> Effect {
        let unsaved = edited ?? settings
        guard reason != .interrupt, !readOnly, unsaved != saved else { return .quit(reason.exitCode) }
        return .keepRecovery(
            RecoveryRequest(path: path, edits: unsaved, madeTo: editedVersion, exitCode: reason.exitCode))
    }

    mutating func recoveryKept(_ request: RecoveryRequest) -> Effect {
        farewell.append(
            "unsaved edits kept in \(RecoveryFile.path(for: path)); the next `social-console edit \(path)` offers them back")
        return .quit(request.exitCode)
    }

    mutating func recoveryKeepFailed(_ error: FileError, _ request: RecoveryRequest) -> Effect {
        farewell.append("unsaved edits could not be kept: \(error.description)")
        return .quit(request.exitCode)
    }
}
