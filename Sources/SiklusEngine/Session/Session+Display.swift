extension Session {
    /// The `set` options as `set` confirms them (`churn_after = 90d, as_of = latest (2023-12-31), …`), for
    /// `.show`. While connected the last day is the engine's, which would cost a query: it is not named.
    public var settingsDescription: String {
        connection == nil ? settings.describe(dataEnd: context().dataEnd) : settings.describe(dataEnd: nil)
    }
}
