extension Catalog {
    /// This catalog with the derived columns of `derives` appended to the events, as the binder numbers them
    /// (`Attribute.eventExtra(i)` past the loaded columns is a derived one): what a backend resolves a bound
    /// query's columns against.
    public func adding(_ derives: [DeriveStep]) -> Catalog {
        var catalog = self
        for derive in derives {
            if derive.replacesAmount { catalog.missingAmount = nil } else { catalog.events.columns.append(Column(name: derive.name, kind: .number)) }
        }
        return catalog
    }
}
