// The message catalogs live in their own module so the store can word its load errors without depending on
// the parser; every client of the language (plan, engine, shell, charts) reads them through this module.
@_exported import SiklusMessages
