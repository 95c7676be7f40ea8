import Foundation
import SiklusEngine

extension MetaCommands {
    /// `.tour [FILE]`: the lesson in FILE (relative to the running script's folder), or the demo lesson in the
    /// session's language.
    static func tour(_ call: MetaInvocation) throws(MetaCommandError) -> Bool {
        let path: String
        if let written = call.argument(0) {
            path = call.shell.resolvePath(written)
        } else {
            do {
                path = try DemoLesson.scriptPath(environment: ProcessInfo.processInfo.environment, language: call.shell.session.display.language)
            } catch {
                throw call.error(error.description, argument: 0, hints: ["name a lesson: .tour datasets/demo/tour.sik"])
            }
        }
        let text = try nestedScript(path, call, loop: "does the lesson start itself?")
        call.shell.readDepth += 1
        defer { call.shell.readDepth -= 1 }
        return call.shell.runTour(text, name: path, directory: RelativePath.directory(of: path)).failures == 0
    }

    /// The text of the script at `path` that `.read` or `.tour` is about to run, after checking the nesting:
    /// past `maximumReadDepth` the error ends the whole run (under `.bail off` every pending command would
    /// carry on and start again: a script reading itself three times would print 3^16 errors).
    static func nestedScript(_ path: String, _ call: MetaInvocation, loop: String) throws(MetaCommandError) -> String {
        guard call.shell.readDepth < maximumReadDepth else {
            call.shell.abortsRun = true
            throw call.error("`.\(call.command.name)` is nested more than \(maximumReadDepth) deep", argument: 0,
                             hints: [loop, "this stops the whole script, whatever `.bail` says"])
        }
        do {
            return try ScriptFile.read(path)
        } catch {
            throw call.error(error.description, argument: 0)
        }
    }
}
