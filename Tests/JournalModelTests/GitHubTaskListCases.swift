import TestSupport

/// Inputs for the comparison with GitHub's renderer: one or more hand-written cases for each
/// construct that decides whether a line is a task, and documents generated from them.
enum GitHubTaskListCases {
    static let handWritten: [String] = [
        // The example.
        "- [ ] real task\n\n```sh\n- [ ] not a task, inside a code block\n```\n\n    - [ ] indented code block, not a task\n\n1. [ ] numbered task\n",
        // Markers, spacing and boxes.
        "1. [ ] numbered\n1) [x] with a parenthesis\n",
        "3. [ ] starts at three\n4. [x] goes on\n",
        "1234567890. [ ] ten digits is not a list\n123456789. [ ] nine is\n",
        "- [ ] a\n* [ ] b\n+ [x] c\n",
        "-  [ ] two spaces\n-\t[ ] a tab\n- [ ]\ta tab after the box\n",
        "-    [ ] four spaces\n-     [ ] five spaces is code in the item\n",
        "- [ ]\n- [ ] \n- [ ]  \n",
        "- [X] upper case\n- [x]no space\n- [ ]x\n- [  ] two spaces\n",
        "- [ ]\u{0B}vertical tab\n- [ ]\u{0C}form feed\n",
        "- [ ] a\r- [ ] b after a lone CR\r",
        "- [ ] a\r\n  - [ ] b\r\n",
        "- [ ] no newline at the end",
        // Nesting.
        "- [ ] a\n - [ ] b is a sibling\n",
        "- [ ] a\n  - [ ] b is a child\n",
        "- [ ] a\n\t- [ ] b under a tab\n",
        "- [ ] a\n   - [ ] three spaces\n    - [ ] four spaces\n",
        "- [ ] a\n      - [ ] six spaces is text of a\n",
        "1. [ ] a\n   - [ ] b\n10. [ ] c\n    - [ ] d\n",
        "1. [ ] a\n  - [ ] two spaces is not enough under 1.\n",
        "- [ ] a\n  - plain\n    - [ ] b under a plain bullet\n",
        "- [ ] a\n  - [ ] b\n    - [ ] c\n  - [ ] d\n- [ ] e\n",
        "- [ ] a\n\n  - [ ] b after a blank line\n\n- [ ] c\n",
        "-\n  [ ] an empty item's next line\n",
        "- plain\n\n  text\n\n  - [ ] nested after paragraphs\n",
        // Code.
        "```\n- [ ] a\n```\n- [ ] b\n",
        "~~~\n- [ ] a\n~~~\n",
        "```\n- [ ] never closed\n",
        "  ```\n  - [ ] indented fence\n  ```\n",
        "````\n```\n- [ ] still code\n````\n- [ ] after\n",
        "- [ ] a\n  ```\n  - [ ] code in a task\n  ```\n- [ ] b\n",
        "- [ ] a\n  ```\n- [ ] b ends the item and its fence\n",
        "    - [ ] indented code\n",
        "para\n\n    - [ ] code after a blank line\n",
        "para\n    - [ ] continuation, not code\n",
        "``` a`b\n- [ ] not a fence: backtick in the info\n",
        // HTML.
        "<!--\n- [ ] in a comment\n-->\n- [ ] after\n",
        "<!-- one line -->\n- [ ] after\n",
        "<details>\n- [ ] in details\n</details>\n",
        "<details>\n\n- [ ] after a blank line in details\n\n</details>\n",
        "<table>\n<tr><td>\n- [ ] in a table cell\n</td></tr>\n</table>\n",
        "<pre>\n- [ ] in pre\n</pre>\n- [ ] after\n",
        "<SCRIPT>\n- [ ] in script\n</script>\n",
        "<?php\n- [ ] in an instruction\n?>\n",
        "<!DOCTYPE html\n- [ ] in a declaration\n>\n",
        "<![CDATA[\n- [ ] in cdata\n]]>\n",
        "<span>\n- [ ] after an inline tag alone\n",
        "text\n<span>\n- [ ] a kind 7 tag cannot interrupt a paragraph\n",
        "<a href=\"x\" title='y' data-z=w>\n- [ ] x\n",
        "<div\n- [ ] x\n",
        // Paragraphs, quotes, headings, rules, tables.
        "some text\n- [ ] interrupts the paragraph\n",
        "some text\n2. [ ] cannot interrupt\n",
        "some text\n1. [ ] can interrupt\n",
        "- [ ] a\nlazy text\n- [ ] b\n",
        "> - [ ] quoted\n",
        "> quote\n- [ ] after a quote\n",
        "> - [ ] a\n- [ ] b\n",
        "# Heading\n- [ ] a\n## Heading\n  - [ ] b\n",
        "- [ ] a\n---\n- [ ] b\n",
        "para\n---\n- [ ] after a setext heading\n",
        "- [ ] a\n  ===\n",
        "* * *\n- - -\n- [ ] b\n",
        "| a | b |\n|---|---|\n| - [ ] x | y |\n- [ ] after a table\n",
        "| a | b |\n|---|---|\n2. [ ] a table ends at a numbered item\n",
        "text\n| a | b |\n| --- | :-: |\nrow\n    code after a table\n",
        "| a |\n|---|---|\n2. [ ] not a table: the cells differ\n",
        "[ref]: /url\n===\n2. [ ] no heading under a link reference\n",
        "[ref]: /url\n---\n2. [ ] nor a table\n",
        "\u{FEFF}```\n- [ ] code after a byte-order mark\n",
        "\u{FEFF}- [ ] a task after a byte-order mark\n",
        "text\r\n*\r\n2. [ ] an empty item ending in CR LF interrupts nothing\r\n",
        "<![cdata[\n- [ ] in lower-case cdata\n]]>\n",
        "- [ ] B\n- plain\n  - [ ] C under the plain bullet\n",
        "[ref]: https://example.com\n- [ ] after a link reference\n",
        "- [ ] a\n  > quote in the task\n- [ ] b\n",
        "# 2025-01-15 Wednesday\n\n- [ ] Stand-up ^k7f3q\n  - [x] notes sent\n\nNotes\n",
    ]

    private static let indents = ["", "", "", " ", "  ", "   ", "    ", "\t", "      ", "  \t"]
    private static let markers = ["-", "-", "*", "+", "1.", "2.", "1)", "10."]
    private static let gaps = [" ", " ", " ", "  ", "    ", "     ", "\t", " \t"]
    private static let boxes = ["[ ]", "[ ]", "[x]", "[X]", "[  ]"]
    private static let texts = [" task", " task", "\ttask", "", " ", "x", " a | b"]
    private static let others = [
        "", "", "text", "more text", "```", "```", "~~~", "````", "<!--", "-->", "<div>", "</div>", "<details>",
        "<pre>", "</pre>", "<span>", "> ", "# heading", "---", "***", "===", "| a | b |", "|---|---|",
        "[ref]: /url", "- plain", "1. plain", "-", "*", "1.", "    code", "<!-- x -->", "<![cdata[", "]]>",
    ]
    private static let endings = ["\n", "\n", "\n", "\n", "\n", "\n", "\r\n", "\r"]

    /// A document of two to twelve lines, most of them list items, some of them tasks.
    static func generated(using random: inout SeededGenerator) -> [UInt8] {
        var text = ""
        for _ in 0..<Int.random(in: 2...12, using: &random) {
            var line = indents.randomElement(using: &random)!
            if Bool.random(using: &random) {
                line += markers.randomElement(using: &random)! + gaps.randomElement(using: &random)!
                line += boxes.randomElement(using: &random)! + texts.randomElement(using: &random)!
            } else {
                line += others.randomElement(using: &random)!
                if line.hasSuffix("> ") { line += "- [ ] quoted" }
            }
            // A first line `---` opens front matter, which GitHub shows as a table and cmark as Markdown.
            if text.isEmpty && line.hasPrefix("---") { line = "text" }
            if text.isEmpty && random.next() % 16 == 0 { line = "\u{FEFF}" + line }
            text += line + endings.randomElement(using: &random)!
        }
        return Array(text.utf8)
    }
}
