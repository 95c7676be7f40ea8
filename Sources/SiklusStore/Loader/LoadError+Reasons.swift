import Foundation
import SiklusMessages

extension LoadError {
    /// Why a byte cannot separate fields (`load.error.delimiter_` keys), said inside `Problem.delimiter`.
    public enum DelimiterProblem: LoadSentence, Equatable {
        /// Line breaks end records.
        case lineBreak
        /// The quote character quotes fields.
        case quote
        /// NUL marks binary files.
        case nul
        /// Not ASCII.
        case notASCII

        public func phrase(in language: Language) -> (key: String, arguments: [String: String]) {
            switch self {
            case .lineBreak: ("load.error.delimiter_line_break", [:])
            case .quote: ("load.error.delimiter_quote", [:])
            case .nul: ("load.error.delimiter_nul", [:])
            case .notASCII: ("load.error.delimiter_ascii", [:])
            }
        }
    }

    /// Why `byte` cannot separate fields, or nil when it can. The parser refuses these with a located error
    /// (`Parser.parseDelimiter`); this catches `LoadOptions` built in code.
    public static func delimiterProblem(_ byte: UInt8) -> DelimiterProblem? {
        switch byte {
        case UInt8(ascii: "\n"), UInt8(ascii: "\r"): .lineBreak
        case UInt8(ascii: "\""): .quote
        case 0: .nul
        case 0x80...: .notASCII
        default: nil
        }
    }

    /// Why the system refused to open, read or map the file: a missing file, or an `errno` worded by the
    /// catalog (`load.error.os.`) when it has the number, else by `strerror` in every language.
    public enum SystemReason: LoadSentence, Equatable {
        case noSuchFile
        case errno(Int32)

        /// The catalog's key for each `errno` it words.
        private static let keys: [Int32: String] = [
            EACCES: "load.error.os.eacces", EISDIR: "load.error.os.eisdir", ENOTDIR: "load.error.os.enotdir", ENOENT: "load.error.os.enoent",
            ELOOP: "load.error.os.eloop", ENAMETOOLONG: "load.error.os.enametoolong", EIO: "load.error.os.eio",
        ]

        public func phrase(in language: Language) -> (key: String, arguments: [String: String]) {
            switch self {
            case .noSuchFile: ("load.error.os.missing", [:])
            case .errno(let number):
                Self.keys[number].map { ($0, [:]) } ?? ("load.error.os.other", ["text": String(cString: strerror(number))])
            }
        }
    }
}
