import Foundation
import SiklusEngine
import SiklusLanguage

/// The meta-commands of language and locale: `.show`, the `excel` word of `.mode csv excel` and
/// `.export FILE excel`.
extension MetaCommands {
    /// `.show`: every setting that changes how results look or how a script runs, one per line.
    static func show(_ call: MetaInvocation) throws(MetaCommandError) -> Bool {
        let shell = call.shell
        let display = shell.session.display
        let on = MessageCatalog.text("show.on"), off = MessageCatalog.text("show.off")
        let limit = shell.settings.maxRows ?? (shell.io.outIsTerminal ? ShellSettings.defaultMaxRows : 0)
        let locale = ReadingLocale(display)
        let output: String = switch shell.output {
        case .standard: "stdout"
        case .file(let path, _): path
        }
        let rows: [(String, String)] = [
            ("language", "\(display.language.rawValue) (\(display.language.nativeName))"),
            ("currency", display.currency.map { "\($0.code) (\(locale.money(1_234_567.891)))" } ?? MessageCatalog.text("show.none")),
            ("numbers", locale.localizing(number: NumberText.fixed(1_234.56, decimals: 2))),
            ("mode", shell.settings.mode.rawValue),
            ("csv_excel", shell.settings.excelCSV ? on : off),
            ("maxrows", limit == 0 ? "0" : String(limit)),
            ("timer", shell.settings.timer ? on : off),
            ("bail", shell.settings.bail ? on : off),
            ("present", shell.settings.present ? on : off),
            ("output", output),
            ("options", shell.session.settingsDescription),
        ]
        let labels = rows.map { MessageCatalog.text("show." + $0.0) }
        let width = labels.map(\.count).max() ?? 0
        shell.write(zip(labels, rows).map { $0.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $1.1 }.joined(separator: "\n"))
        return true
    }

    /// The `excel` word after `.mode csv`: true with it, false without; an error after another mode or
    /// for another word. Checked before the mode changes, so a mistake changes nothing.
    static func excelFlag(_ call: MetaInvocation, mode: OutputMode) throws(MetaCommandError) -> Bool {
        guard let word = call.argument(1) else { return false }
        guard word.lowercased() == "excel" else {
            throw call.error("unknown option `\(word)` of .mode", argument: 1, hints: ["usage: .mode csv excel"])
        }
        guard mode == .csv else {
            throw call.error("`excel` goes with csv only", argument: 1, hints: ["usage: .mode csv excel"])
        }
        return true
    }

    /// True for `.export FILE excel`, which must name a `.csv` file.
    static func exportsForExcel(_ call: MetaInvocation, path: String) throws(MetaCommandError) -> Bool {
        guard let word = call.argument(1) else { return false }
        guard word.lowercased() == "excel" else {
            throw call.error("unknown option `\(word)` of .export", argument: 1, hints: ["usage: .export FILE.csv excel"])
        }
        guard (path as NSString).pathExtension.lowercased() == "csv" else {
            throw call.error("`excel` writes a .csv file", argument: 0, hints: ["usage: .export FILE.csv excel"])
        }
        return true
    }
}

extension ResultExporter {
    /// Writes `table` to `path` as CSV for a spreadsheet in `language` (`ExcelCSVRenderer`), after a
    /// UTF-8 byte order mark: without it Excel reads the file in the computer's legacy code page and
    /// garbles every non-ASCII name.
    static func exportForExcel(_ table: ResultTable, to path: String, language: Language) throws {
        try write("\u{FEFF}" + ExcelCSVRenderer(language: language).render(table, options: RenderOptions()), to: path)
    }
}
