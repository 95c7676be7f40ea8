/// The version printed by `siklus --version` and the banner.
public let siklusVersion = "0.1.0"
