extension LogicalQuery {
    /// The result column a `sort` key names: a metric's Indonesian alias (`sort tingkat_konversi`) is the
    /// metric's column (`conversion_rate`) when the query computes that metric; any other name as written,
    /// so a data column that happens to be spelt like an alias is still found.
    func sortColumn(_ name: String) -> String {
        guard case .metrics(let metrics, _) = analysis, let metric = Metric(named: name), metrics.contains(metric) else { return name }
        return metric.rawValue
    }
}
