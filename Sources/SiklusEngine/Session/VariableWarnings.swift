import SiklusLanguage

/// Warnings that come from a `let` variable's own text, moved onto the variable's name where it is used.
///
/// A variable keeps the syntax of the input that defined it, so its spans index that input, not the
/// statement being run: rendered against the current input they would put a caret under the wrong text
/// (in the REPL every input starts at offset 0). The warnings the variable's pipeline gives on its own
/// are recognised by equality (same message, same span: the same syntax nodes) and shown under the
/// variable's name, their message prefixed with it.
enum VariableWarnings {
    /// `warnings`, with those in `ownWarnings` (the variable's pipeline reviewed alone) located at `name`.
    /// - Complexity: O(w × v) for w warnings and v of the variable's own; both are a handful.
    static func relocate(_ warnings: [Diagnostic], ownWarnings: [Diagnostic], name: Identifier) -> [Diagnostic] {
        guard !ownWarnings.isEmpty else { return warnings }
        return warnings.map { warning in
            guard ownWarnings.contains(warning) else { return warning }
            var moved = warning
            moved.span = name.span
            moved.message = MessageCatalog.text("diag.from_variable", ["name": name.text, "message": warning.message])
            return moved
        }
    }
}
