import ArgumentParser
import JournalModel
import JournalUseCases

struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Find what is damaged in the journal and say how to recover; changes nothing.",
        discussion: """
            Looks for a journal command that was interrupted, lock files left by git or journal, \
            damaged or missing objects, a damaged branch, index or history index, a merge driver \
            whose program is gone, and the day-file \
            problems 'journal check' reports. For each it prints what is wrong and the command \
            that recovers; it deletes and changes nothing itself. Exit status 1 when anything is \
            found.

            Example: journal doctor
                     journal doctor --json
            """)

    @Flag(help: "Print JSON for scripts.") var json = false
    @OptionGroup var options: JournalOptions

    func run() throws {
        var doctor = Doctor(try options.open())
        doctor.mergeDriver = MergeFileCommand.driverCommand()
        let report = doctor.run()
        if json {
            try Output.json(report)
        } else {
            for finding in report.findings {
                print("\(finding.path): \(finding.problem)")
                print("  fix: \(finding.fix)")
            }
            for problem in report.dayProblems { print(problem.description) }
            let count = report.findings.count + report.dayProblems.count
            let checked = "\(counted(report.commitsChecked, "commit")) and \(counted(report.dayFilesChecked, "day file")) checked"
            print(count == 0 ? "journal \(report.directory.dropLast()) is healthy: \(checked)" : "\(counted(count, "problem")) found; \(checked)")
        }
        if !report.healthy { throw ExitCode(1) }
    }
}
