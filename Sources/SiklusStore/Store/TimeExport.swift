// Calendar arithmetic lives in SiklusTime, shared with SiklusPlan (which never imports the store);
// re-exported so every user of the store keeps seeing `CivilTime`.
@_exported import SiklusTime
