// The data-free types (metrics, stages, settings, the result table, the logical plan) live in SiklusPlan;
// re-exported so the shell and the charts keep reaching them through the engine.
@_exported import SiklusPlan
