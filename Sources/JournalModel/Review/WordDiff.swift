/// A word-level difference between two texts, in the notation of `git diff --word-diff=plain`:
/// `Review the [-old-]{+new+} module`.
public enum WordDiff {
    public static func marked(from old: String, to new: String) -> String {
        let before = old.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let after = new.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        // Longest common subsequence of words: task texts are short, so the table is small.
        var common = [[Int]](repeating: [Int](repeating: 0, count: after.count + 1), count: before.count + 1)
        for i in stride(from: before.count - 1, through: 0, by: -1) {
            for j in stride(from: after.count - 1, through: 0, by: -1) {
                common[i][j] = before[i] == after[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
            }
        }
        var words: [String] = []
        var removed: [String] = [], added: [String] = []
        func flush() {
            if !removed.isEmpty { words.append("[-" + removed.joined(separator: " ") + "-]") }
            if !added.isEmpty { words.append("{+" + added.joined(separator: " ") + "+}") }
            removed = []
            added = []
        }
        var (i, j) = (0, 0)
        while i < before.count || j < after.count {
            if i < before.count, j < after.count, before[i] == after[j] {
                flush()
                words.append(before[i])
                i += 1
                j += 1
            } else if j < after.count, i == before.count || common[i][j + 1] >= common[i + 1][j] {
                added.append(after[j])
                j += 1
            } else {
                removed.append(before[i])
                i += 1
            }
        }
        flush()
        return words.joined(separator: " ")
    }
}
