import SiklusLanguage
import SiklusEngine

/// The transitions of a `paths` result as columns of nodes, for a Sankey-like flow: column k holds the
/// events at position k of the paths, each with its flow (the larger of what enters and leaves it) and
/// the transitions leaving it.
struct PathFlowModel: Equatable {
    struct Edge: Equatable { var to: Int; var count: Double }
    struct Node: Equatable {
        var name: String
        var flow: Double
        /// Transitions to nodes of the next column, largest first.
        var edges: [Edge]
    }

    var title: String
    /// Position 1, 2, … of the paths.
    var columns: [[Node]]

    var maximumFlow: Double { columns.flatMap { $0.map(\.flow) }.max() ?? 0 }
}

extension PathFlowModel {
    /// Reads a `.paths` table: `step`, `from`, `to`, `count`. A missing event name is `(no event)`.
    init(paths table: ResultTable) throws {
        let step = try table.requiredNumeric("step"), from = try table.required("from"), to = try table.required("to")
        let count = try table.requiredNumeric("count")
        guard table.rowCount > 0 else { throw ChartError.empty(shape: table.shape) }
        var names: [[String]] = [], flows: [[String: (into: Double, out: Double)]] = []
        var edges: [(column: Int, from: String, to: String, count: Double)] = []
        for r in 0..<table.rowCount {
            guard let s = step.number(at: r), s >= 1, s < 10_000, let n = count.number(at: r) else { continue }
            let k = Int(s) - 1
            let a = from.label(at: r) ?? "(no event)", b = to.label(at: r) ?? "(no event)"
            while names.count <= k + 1 { names.append([]); flows.append([:]) }
            for (column, name) in [(k, a), (k + 1, b)] where flows[column][name] == nil {
                names[column].append(name)
                flows[column][name] = (0, 0)
            }
            flows[k][a]?.out += n
            flows[k + 1][b]?.into += n
            edges.append((k, a, b, n))
        }
        var columns: [[Node]] = names.indices.map { k in
            names[k].map { name in Node(name: name, flow: flows[k][name].map { max($0.into, $0.out) } ?? 0, edges: []) }
                .sorted { $0.flow != $1.flow ? $0.flow > $1.flow : $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        }
        for edge in edges.sorted(by: { $0.count > $1.count }) {
            guard let i = columns[edge.column].firstIndex(where: { $0.name == edge.from }),
                  let j = columns[edge.column + 1].firstIndex(where: { $0.name == edge.to }) else { continue }
            columns[edge.column][i].edges.append(Edge(to: j, count: edge.count))
        }
        self.init(title: table.title?.text(in: .current) ?? MessageCatalog.text("chart.paths_title"), columns: columns.filter { !$0.isEmpty })
    }
}
