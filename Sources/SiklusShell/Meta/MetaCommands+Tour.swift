import Foundation
import SiklusEngine

extension MetaCommands {
    /// `.tour [FILE]`: the lesson in FILE (relative to the running script's folder), or the demo lesson.
    static func tour(_ call: MetaInvocation) throws(MetaCommandError) -> Bool {
        guard call.shell.readDepth < maximumReadDepth else {
            call.shell.abortsRun = true
            throw call.error("`.tour` is nested more than \(maximumReadDepth) deep", argument: 0,
                             hints: ["does the lesson start itself?", "this stops the whole script, whatever `.bail` says"])
        }
        let path: String
        if let written = call.argument(0) {
            path = call.shell.resolvePath(written)
        } else {
            do {
                path = try DemoLesson.scriptPath(environment: ProcessInfo.processInfo.environment)
            } catch {
                throw call.error(error.description, argument: 0, hints: ["name a lesson: .tour datasets/demo/tour.sik"])
            }
        }
        let text: String
        do {
            text = try ScriptFile.read(path)
        } catch {
            throw call.error(error.description, argument: 0)
        }
        call.shell.readDepth += 1
        defer { call.shell.readDepth -= 1 }
        return call.shell.runTour(text, name: path, directory: RelativePath.directory(of: path)).failures == 0
    }
}
