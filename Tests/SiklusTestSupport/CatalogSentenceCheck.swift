import SiklusMessages
import XCTest

/// The check every catalog sentence type's tests share (`LoadSentenceCatalogTests`,
/// `ResultTitleCatalogTests`): the sentence's key has a template in both catalogs, both templates have the
/// same placeholders, and the sentence fills exactly those in both languages.
public enum CatalogSentenceCheck {
    /// Checks `sentence` as above and returns its key.
    @discardableResult
    public static func bothTemplates(_ sentence: some CatalogSentence, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let (key, arguments) = sentence.phrase(in: .en)
        let english = try XCTUnwrap(MessageCatalog.templates(.en)[key], "no English template for \(key)", file: file, line: line)
        let indonesian = try XCTUnwrap(MessageCatalog.templates(.id)[key], "no Indonesian template for \(key)", file: file, line: line)
        XCTAssertEqual(MessageCatalog.placeholders(in: english), MessageCatalog.placeholders(in: indonesian), key, file: file, line: line)
        XCTAssertEqual(arguments.keys.sorted(), MessageCatalog.placeholders(in: english), "\(key)'s arguments", file: file, line: line)
        XCTAssertEqual(sentence.phrase(in: .id).arguments.keys.sorted(), arguments.keys.sorted(), key, file: file, line: line)
        return key
    }
}
