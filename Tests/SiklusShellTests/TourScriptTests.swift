import SiklusEngine
import XCTest
@testable import SiklusShell

/// How `.tour` cuts a commented script into steps.
final class TourScriptTests: XCTestCase {
    private func steps(_ text: String) -> [TourScript.Step] {
        TourScript(text, needsContinuation: Session().needsContinuation).steps
    }

    func testParagraphsStatementsQuestionAndAnswer() {
        let script = """
            #!/usr/bin/env siklus
            # Title
            #
            # Intro.
            load events "e.csv"
            load spend "s.csv"

            # ---
            # 1. Awareness
            -- with a dash comment
            events | metric customers

            # Question: how many?
            # Think.

            # Answer: all of them.
            # ═══ not a rule (other characters)
            events | metric events
            # A note after the statement starts the next step.
            """
        let cut = steps(script)
        XCTAssertEqual(cut.count, 4, "\(cut)")
        XCTAssertEqual(cut[0].paragraphs, [["Title"], ["Intro."]])
        XCTAssertEqual(cut[0].statements, [#"load events "e.csv""#, #"load spend "s.csv""#])
        XCTAssertEqual(cut[0].firstLine, 5)
        XCTAssertEqual(cut[1].paragraphs, [["---", "1. Awareness", "with a dash comment"]])
        XCTAssertEqual(cut[1].statements, ["events | metric customers"])
        XCTAssertEqual(cut[1].firstLine, 11)
        XCTAssertEqual(cut[1].question, [["Question: how many?", "Think."]], "the question stays with the statements after a blank line")
        XCTAssertEqual(cut[2].paragraphs, [["Answer: all of them.", "═══ not a rule (other characters)"]])
        XCTAssertEqual(cut[2].statements, ["events | metric events"])
        XCTAssertEqual(cut[2].firstLine, 18)
        XCTAssertEqual(cut[3].paragraphs, [["A note after the statement starts the next step."]])
        XCTAssertTrue(cut[3].statements.isEmpty)
    }

    /// A comment inside a statement that continues belongs to the statement; a blank line between two
    /// statement blocks makes two steps.
    func testContinuedStatementsKeepTheirComments() {
        let cut = steps("events |\n  # the metric\n  metric customers\ncohort | metric customers\n\nevents | rows 1\n")
        XCTAssertEqual(cut.map(\.statements), [["events |", "  # the metric", "  metric customers", "cohort | metric customers"], ["events | rows 1"]])
        XCTAssertEqual(cut.map(\.firstLine), [1, 6])
    }

    func testDotCommandsAreStatementsOfTheStep() {
        let cut = steps("# Set up.\n.mode csv\nevents | metric customers\n")
        XCTAssertEqual(cut.count, 1)
        XCTAssertEqual(cut[0].statements, [".mode csv", "events | metric customers"])
    }

    func testHasComments() {
        XCTAssertTrue(TourScript.hasComments("events | metric customers\n  # why\n"))
        XCTAssertTrue(TourScript.hasComments("-- note\nevents"))
        XCTAssertFalse(TourScript.hasComments("#!/usr/bin/env siklus\nevents | metric customers\n"))
        XCTAssertFalse(TourScript.hasComments("events | metric customers  # a trailing comment is part of the statement\n"))
    }

    func testKeys() {
        XCTAssertEqual(TourKey(.line("")), .next)
        XCTAssertEqual(TourKey(.line("  ")), .next)
        XCTAssertEqual(TourKey(.line("B")), .back)
        XCTAssertEqual(TourKey(.line(" q ")), .quit)
        XCTAssertEqual(TourKey(.end), .quit)
        XCTAssertEqual(TourKey(.interrupt), .quit)
        XCTAssertEqual(TourKey(.line(" cohort | metric customers ")), .command("cohort | metric customers"))
    }
}

/// The demo lesson has a section per stage of the articles and per metric they name, each ending with a
/// question under its results and the answer in the next step.
final class DemoLessonShapeTests: XCTestCase {
    func testEverySectionAsksAndAnswers() throws {
        let text = try String(contentsOf: try SiklusBinary.demoDirectory().appendingPathComponent("tour.sik"), encoding: .utf8)
        let steps = TourScript(text, needsContinuation: Session().needsContinuation).steps
        // A section starts at a rule line; its title is the line after the rule.
        let sections = steps.indices.filter { steps[$0].paragraphs.first.map { TourScript.isRule($0[0]) } ?? false }
        let titles = sections.map { steps[$0].paragraphs[0][1] }
        for topic in ["Awareness", "Education", "Consideration", "Purchase", "Retention", "Advocacy", "Churn",
                      "cost per acquisition", "conversions and ad impressions", "average order value", "transaction volume",
                      "engagement indicators"] {
            XCTAssertTrue(titles.contains { $0.contains(topic) } || steps.contains { $0.paragraphs.joined().contains { $0.hasPrefix("Metric: \(topic)") } },
                          "a section on \(topic): \(titles)")
        }
        for (number, start) in sections.enumerated() {
            let end = number + 1 < sections.count ? sections[number + 1] : steps.count
            let section = steps[start..<end]
            XCTAssertFalse(section.allSatisfy { $0.statements.isEmpty }, "\(titles[number]) runs a query")
            XCTAssertTrue(section.dropLast().last?.question.first?.first?.hasPrefix("Question: ") ?? false, "\(titles[number]) asks a question")
            XCTAssertTrue(section.last?.paragraphs.first?.first?.hasPrefix("Answer: ") ?? false, "\(titles[number]) answers it on Enter")
        }
    }
}
