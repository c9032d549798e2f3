/// Files of a fleet to judge once more (the file whose walkthrough was just left).
public struct FleetJudge: JobWork, Equatable {
    public let folder: String
    /// Below `folder`.
    public let paths: [String]
}
