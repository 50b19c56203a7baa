/// How a journal's day files write a task's state: GitHub's boxes (`- [ ] …`), or Logseq's
/// words (`- TODO …`), which a journal adopted from a Logseq graph keeps.
public enum TaskWords: String, CaseIterable, Sendable {
    case checkboxes
    case logseq
}
