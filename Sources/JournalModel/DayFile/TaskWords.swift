/// How a journal's day files write a task's state: GitHub's boxes (`- [ ] …`), or Logseq's
/// words (`- TODO …`), which a journal adopted from a Logseq graph keeps. In Logseq's words a
/// box is still read (and a carried task's record is written `[>]`, which Logseq has no word
/// for, so that Logseq does not list it as still to do).
public enum TaskWords: String, CaseIterable, Sendable {
    case checkboxes
    case logseq

    /// Logseq's words and the state each means, in its two workflows (TODO/DOING and LATER/NOW).
    package static let logseqStates: [String: TaskState] = [
        "TODO": .open, "LATER": .open, "DOING": .inProgress, "NOW": .inProgress,
        "DONE": .done, "CANCELED": .cancelled, "CANCELLED": .cancelled,
    ]

    /// The word Logseq writes for `state`, in the workflow of `word` (the task's word before);
    /// nil for a carried task.
    package static func logseqWord(for state: TaskState, after word: String?) -> String? {
        let later = word == "LATER" || word == "NOW"
        switch state {
        case .open: return later ? "LATER" : "TODO"
        case .inProgress: return later ? "NOW" : "DOING"
        case .done: return "DONE"
        case .cancelled: return word == "CANCELLED" ? word : "CANCELED"
        case .carried: return nil
        }
    }

    /// The Logseq word `bytes` start with, followed by a space or a tab; nil for none.
    package static func logseqWord(startingWith bytes: some Collection<UInt8>) -> String? {
        let word = bytes.prefix { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
        guard word.count >= 3, word.count < bytes.count else { return nil }
        let after = bytes[bytes.index(bytes.startIndex, offsetBy: word.count)]
        guard after == UInt8(ascii: " ") || after == UInt8(ascii: "\t") else { return nil }
        let text = String(decoding: word, as: UTF8.self)
        return logseqStates[text] == nil ? nil : text
    }
}
