import Foundation
import TestSupport
import Testing

/// The HTML report as a person sees it: rendered by headless Chromium, read back through its DOM,
/// and photographed.
@Suite(.enabled(if: Chromium.path != nil || ProcessInfo.processInfo.environment["CI"] != nil, "needs Debian's chromium"))
struct HTMLReportTests {
    func chromium(_ arguments: [String], _ journal: JournalRunner) throws -> ProcessResult {
        let result = try ProcessResult.run(
            Chromium.path ?? "/usr/bin/chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"] + arguments,
            in: journal.sandbox.root.path, environment: journal.sandbox.environment)
        #expect(result.status == 0, "\(result.stderr)")
        return result
    }

    @Test func aReportPageIsSelfContainedAndShowsTheWeek() throws {
        let journal = try ReportForPeopleTests.week()
        let page = journal.sandbox.path("report.html")
        try journal.ok("report", "--since", "2025-01-13", "--html", "--with-notes", "--exclude-tag", "standup", "--out", page)
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        for reference in ["<script", "<link", " src=", " href=", "url(", "@import", "<iframe", "<img"] {
            #expect(!html.contains(reference), "\(reference) in the page")
        }

        let dom = try chromium(["--dump-dom", "file://" + page], journal).stdout
        #expect(dom.contains("<h1>Report 2025-01-13 to 2025-01-15</h1>"))
        #expect(dom.contains("<li>Review the auth module #security <span class=\"day\">(2025-01-14)</span><div class=\"note\">PR: https://example.org/pr/4821</div></li>"))
        #expect(dom.contains("<li>Plan the migration #arch <span class=\"day\">(open 0 days, since 2025-01-15)</span></li>"))
        #expect(dom.contains("aria-label=\"finished tasks per day\"") && dom.contains("aria-label=\"heat map of finished tasks\""))
        #expect(dom.contains("<title>2025-01-14: 2 finished</title>"))
        #expect(!dom.contains("stand-up"))

        let blank = journal.sandbox.path("blank.html")
        try "<!DOCTYPE html><title>blank</title>".write(toFile: blank, atomically: true, encoding: .utf8)
        for (file, shot) in [(page, "report.png"), (blank, "blank.png")] {
            _ = try chromium(["--screenshot=" + journal.sandbox.path(shot), "--window-size=900,900", "file://" + file], journal)
        }
        let shot = try Data(contentsOf: URL(fileURLWithPath: journal.sandbox.path("report.png")))
        let empty = try Data(contentsOf: URL(fileURLWithPath: journal.sandbox.path("blank.png")))
        #expect(shot.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        // A page of text and charts compresses far worse than a white one.
        #expect(shot.count > 4 * empty.count, "report \(shot.count) bytes, blank \(empty.count)")
    }

    @Test func aStatisticsPageHasTheHeatMapAndTheWeeks() throws {
        let journal = try ReportForPeopleTests.week()
        let html = try journal.ok("stats", "--since", "2025-01-13", "--html")
        let page = journal.sandbox.path("stats.html")
        try html.write(toFile: page, atomically: true, encoding: .utf8)
        let dom = try chromium(["--dump-dom", "file://" + page], journal).stdout
        #expect(dom.contains("<h1>Statistics 2025-01-13 to 2025-01-15</h1>"))
        #expect(dom.contains("<tr><td>2025-01-13</td><td>7</td><td>5</td><td>0</td></tr>"))
        #expect(dom.contains("<rect class=\"l4\""))
    }
}

enum Chromium {
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
}
