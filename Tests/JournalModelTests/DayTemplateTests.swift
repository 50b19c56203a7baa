@testable import JournalModel
import Testing

@Suite struct DayTemplateTests {
    let template = DayTemplate(DayFile("""
        ## Meetings

        - [ ] Join the daily stand-up 🔁 every weekday ^stand
        - [ ] Weekly status email 🔁 every week on friday ^weekl
          - [ ] Collect the metrics ^metri
          [dashboard](https://example.org)
        - [ ] Plan the day ^plann

        ## Carried

        """))

    func text(_ file: DayFile) -> String { String(decoding: file.bytes, as: UTF8.self) }

    @Test func aNewDayGetsTheHeadingTheTemplatesLinesAndTheOccurrencesOfItsDay() {
        let friday = template.start(nil, on: Day(iso: "2026-12-04")!, skipping: [])
        #expect(text(friday) == """
            # 2026-12-04 Friday

            ## Meetings

            - [ ] Join the daily stand-up 🔁 ^stand
            - [ ] Weekly status email 🔁 ^weekl
              - [ ] Collect the metrics 🔁 ^metri
              [dashboard](https://example.org)
            - [ ] Plan the day 🔁 ^plann

            ## Carried

            """)
        #expect(friday.tasks.map(\.occurrenceOf) == ["stand", "weekl", "metri", "plann"].map(TaskID.init))
        #expect(friday.tasks.allSatisfy { $0.id == nil })
    }

    @Test func aTaskWhoseRuleDoesNotNameTheDayIsLeftOutWithItsItem() {
        let saturday = template.start(nil, on: Day(iso: "2026-12-05")!, skipping: [])
        #expect(text(saturday) == "# 2026-12-05 Saturday\n\n## Meetings\n\n- [ ] Plan the day 🔁 ^plann\n\n## Carried\n")
    }

    @Test func startingADayTwiceAddsNothingTwice() {
        var day = template.start(nil, on: Day(iso: "2026-12-04")!, skipping: [])
        day.updateTask(atLine: 4) { $0.id = TaskID("aaaaa") }
        #expect(template.start(day, on: Day(iso: "2026-12-04")!, skipping: []) == day)
    }

    @Test func aDayCreatedAheadGetsTheTemplateAboveWhatItHas() {
        let ahead = DayFile("# 2026-12-07 Monday\n\n- [ ] Send the ADR ^adrrr\n")
        let started = template.start(ahead, on: Day(iso: "2026-12-07")!, skipping: [])
        #expect(text(started) == """
            # 2026-12-07 Monday

            ## Meetings

            - [ ] Join the daily stand-up 🔁 ^stand
            - [ ] Plan the day 🔁 ^plann

            ## Carried

            - [ ] Send the ADR ^adrrr

            """)
    }

    @Test func aTaskCarriedInUnfinishedIsNotAddedAgain() {
        let monday = template.start(nil, on: Day(iso: "2026-12-07")!, skipping: [TaskID("stand")!])
        #expect(monday.tasks.map(\.text) == ["Plan the day"])
    }

    @Test func frontMatterComesBeforeTheDaysHeading() {
        let withFrontMatter = DayTemplate(DayFile("---\ntags: daily\n---\n- [ ] Review the inbox ^inbox\n"))
        #expect(text(withFrontMatter.start(nil, on: Day(iso: "2026-12-07")!, skipping: []))
            == "---\ntags: daily\n---\n# 2026-12-07 Monday\n\n- [ ] Review the inbox 🔁 ^inbox\n")
    }

    @Test func fieldsOtherThanTheRuleAndStartStayWithTheOccurrence() {
        let template = DayTemplate(DayFile("- [ ] Water the plants ⏫ 🔁 every 2 weeks on monday 🛫 2026-11-30 ^plant\n"))
        #expect(template.problems.isEmpty)
        #expect(template.tasks[0].text == "Water the plants ⏫")
        #expect(template.tasks[0].recurrence?.start == Day(iso: "2026-11-30"))
    }

    @Test func problemsNameTheTemplatesLine() {
        let broken = DayTemplate(DayFile(bytes: Array("# Day\n\n- [ ] Stand-up 🔁 every fortnight\n- [ ] Plants 🔁 every day 🛫 2026-13-01\n- [ ] 🔁 every day\n- [ ] Caf".utf8) + [0xE9, 10]))
        #expect(broken.problems.map(\.description) == [
            "templates/day.md:3: cannot read the recurrence 'every fortnight': unknown word 'fortnight' (expected day, weekday, week, month, year, a weekday or a month)",
            "templates/day.md:4: the start date '2026-13-01' is not a date YYYY-MM-DD",
            "templates/day.md:5: a task of the day template needs text",
            "templates/day.md:6: not valid UTF-8",
        ])
    }

    @Test func tasksWithoutIdsGetThemOnceEach() throws {
        let handWritten = DayTemplate(DayFile("- [ ] One\n- [ ] Two ^twooo\n- [ ] Three ^twooo\n"))
        var fresh = ["aaaaa", "bbbbb"].makeIterator()
        let identified = try #require(handWritten.identified(isTaken: { _ in false }) { _ in TaskID(fresh.next()!)! })
        #expect(identified.tasks.map(\.id?.value) == ["aaaaa", "twooo", "bbbbb"])
        #expect(DayTemplate(identified).identified(isTaken: { _ in false }) { _ in TaskID("zzzzz")! } == nil)
    }
}
