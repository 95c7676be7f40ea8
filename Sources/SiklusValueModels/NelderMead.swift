/// The Nelder–Mead simplex method (Lagarias et al. 1998's coefficients: reflection 1, expansion 2,
/// contraction ½, shrink ½), restarted from its best point until a restart no longer improves it, which
/// guards against the simplex collapsing early on a flat ridge. Deterministic: the same start gives the
/// same steps. The models minimise over the logarithms of their positive parameters, so the search is
/// unconstrained and steps are relative.
struct NelderMead {
    /// Converged when the simplex's function values differ by at most this, relative to the best.
    var functionTolerance = 1e-12
    /// … and its vertices by at most this in every coordinate (log-parameters: relative change).
    var pointTolerance = 1e-8
    /// Iterations allowed over all restarts.
    var maximumIterations = 20_000
    /// Restarts from the best point after the first convergence, at most.
    var maximumRestarts = 8
    /// Side of the first simplex in each coordinate.
    var initialStep = 0.5
    /// A run whose best value improves by less than this (relative) over `stallWindow` iterations stops:
    /// the simplex is crawling along a flat ridge (a BG/NBD a and b growing together when every customer
    /// drops out alike), where more iterations change the likelihood by nothing that matters.
    var stallTolerance = 1e-10
    var stallWindow = 400
    /// Polled once per iteration (Ctrl-C): when it returns true the minimisation stops, `cancelled`. One
    /// iteration costs one to n + 2 evaluations, so a cancel is seen within a few likelihood sums.
    var isCancelled: () -> Bool = { false }

    /// The outcome of a minimisation.
    struct Outcome {
        var point: [Double]
        var value: Double
        var iterations: Int
        var evaluations: Int
        var converged: Bool
        /// Stopped because `isCancelled` returned true: the point is not an estimate.
        var cancelled = false
    }

    /// Minimises `f` from `start`. A non-finite value is treated as +∞ (the simplex steps away from it).
    func minimize(_ f: ([Double]) -> Double, from start: [Double]) -> Outcome {
        var evaluations = 0
        func value(_ x: [Double]) -> Double {
            evaluations += 1
            let v = f(x)
            return v.isNaN ? .infinity : v
        }
        var best = start, bestValue = value(start), iterations = 0
        var converged = false
        var step = initialStep, cancelled = false
        for restart in 0...maximumRestarts {
            let run = simplexRun(value, from: best, value: bestValue, step: step, budget: maximumIterations - iterations)
            iterations += run.iterations
            let improvement = bestValue - run.value
            let improved = run.value < bestValue
            if improved { best = run.point; bestValue = run.value }
            if run.cancelled { cancelled = true; converged = false; break }
            guard run.converged else { converged = false; break }
            converged = true
            // A restart that finds nothing better confirms the minimum.
            if restart > 0, !(improvement > functionTolerance * (abs(bestValue) + 1e-30)) { break }
            step = 0.1
        }
        return Outcome(point: best, value: bestValue, iterations: iterations, evaluations: evaluations, converged: converged && bestValue.isFinite,
                       cancelled: cancelled)
    }

    private func simplexRun(_ f: ([Double]) -> Double, from start: [Double], value startValue: Double, step: Double,
                            budget: Int) -> (point: [Double], value: Double, iterations: Int, converged: Bool, cancelled: Bool) {
        let n = start.count
        var points = [start]
        var values = [startValue]
        for i in 0..<n {
            var p = start
            p[i] += step
            points.append(p)
            values.append(f(p))
        }
        var iterations = 0
        var windowStart = startValue
        while iterations < budget {
            let order = values.indices.sorted { values[$0] < values[$1] }
            points = order.map { points[$0] }
            values = order.map { values[$0] }
            if isConverged(points, values) { return (points[0], values[0], iterations, true, false) }
            if isCancelled() { return (points[0], values[0], iterations, false, true) }
            if iterations > 0, iterations % stallWindow == 0 {
                if values[0].isFinite, windowStart - values[0] <= stallTolerance * max(abs(values[0]), 1e-30) {
                    return (points[0], values[0], iterations, true, false)
                }
                windowStart = values[0]
            }
            iterations += 1
            var centroid = [Double](repeating: 0, count: n)
            for p in points.dropLast() { for j in 0..<n { centroid[j] += p[j] / Double(n) } }
            func along(_ t: Double) -> [Double] { (0..<n).map { centroid[$0] + t * (points[n][$0] - centroid[$0]) } }
            let reflected = along(-1), reflectedValue = f(reflected)
            if reflectedValue < values[0] {
                let expanded = along(-2), expandedValue = f(expanded)
                if expandedValue < reflectedValue { points[n] = expanded; values[n] = expandedValue } else { points[n] = reflected; values[n] = reflectedValue }
                continue
            }
            if reflectedValue < values[n - 1] { points[n] = reflected; values[n] = reflectedValue; continue }
            let outside = reflectedValue < values[n]
            let contracted = along(outside ? -0.5 : 0.5), contractedValue = f(contracted)
            if contractedValue < (outside ? reflectedValue : values[n]) {
                points[n] = contracted; values[n] = contractedValue
                continue
            }
            for i in 1...n {
                points[i] = (0..<n).map { points[0][$0] + 0.5 * (points[i][$0] - points[0][$0]) }
                values[i] = f(points[i])
            }
        }
        let bestIndex = values.indices.min { values[$0] < values[$1] } ?? 0
        return (points[bestIndex], values[bestIndex], iterations, false, false)
    }

    private func isConverged(_ points: [[Double]], _ values: [Double]) -> Bool {
        guard values[0].isFinite else { return false }
        let spread = values.last.map { $0 - values[0] } ?? 0
        guard spread <= functionTolerance * max(abs(values[0]), 1e-30) else { return false }
        for p in points.dropFirst() {
            for j in p.indices where abs(p[j] - points[0][j]) > pointTolerance { return false }
        }
        return true
    }
}
