import SiklusMessages

/// A sentence the loader says (a load error's message or hint, a skipped row's reason, a report's note) as
/// a value: an enum case with its arguments, worded from the message catalogs (SiklusLanguage) under one
/// key per case. The store chooses no language: `text(in:)` words it in the one asked for (the engine asks
/// for the session's), `description` in English, where no language is known (tests, the fuzzer).
public protocol LoadSentence: CatalogSentence {}
