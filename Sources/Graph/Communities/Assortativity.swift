extension AnalysisGraph {
    /// Attribute assortativity (Newman 2003): how much more often ties join nodes of the same category than
    /// chance would give, from −1 (always different) through 0 to 1 (always the same). `category[i]` is node
    /// `i`'s category, or nil to leave the node (and its ties) out. Ties count once per direction, unweighted,
    /// as NetworkX's `attribute_assortativity_coefficient`. Nil when there are no ties, or when every tie joins
    /// one single category (the coefficient is 0/0; NetworkX gives NaN).
    ///
    /// r = (Σ_i e_ii − Σ_i a_i b_i) / (1 − Σ_i a_i b_i), with e the normalised mixing matrix and a, b its row
    /// and column sums.
    ///
    /// - Complexity: O(n + m + c) for c categories.
    ///
    /// Newman, M. E. J. (2003). https://doi.org/10.1103/PhysRevE.67.026126
    public func attributeAssortativity(_ category: [String?]) -> Double? {
        var code: [String: Int] = [:]
        let codes: [Int32] = category.map { value in
            guard let value else { return -1 }
            if let known = code[value] { return Int32(known) }
            code[value] = code.count
            return Int32(code.count - 1)
        }
        let c = code.count
        var diagonal = [Double](repeating: 0, count: c)
        var rows = [Double](repeating: 0, count: c)
        var columns = [Double](repeating: 0, count: c)
        var total = 0.0
        for u in 0..<nodeCount where codes[u] >= 0 {
            for v in neighbors(of: u) where codes[Int(v)] >= 0 {
                let (a, b) = (Int(codes[u]), Int(codes[Int(v)]))
                rows[a] += 1
                columns[b] += 1
                if a == b { diagonal[a] += 1 }
                total += 1
            }
        }
        guard total > 0 else { return nil }
        let trace = diagonal.reduce(0, +) / total
        var chance = 0.0
        for k in 0..<c { chance += (rows[k] / total) * (columns[k] / total) }
        guard 1 - chance > 1e-15 else { return nil }
        return (trace - chance) / (1 - chance)
    }
}

extension Network {
    /// Attribute assortativity of the network's ties by a node attribute: `kind`, `country`, or any other key.
    /// Nodes without the attribute are left out. See `AnalysisGraph.attributeAssortativity`.
    public func assortativity(by attribute: String, filter: GraphFilter = GraphFilter()) -> Double? {
        let network = filter.apply(to: self)
        let graph = AnalysisGraph(network)
        let category: [String?] = graph.ids.map { id in
            guard let node = network.node(id) else { return nil }
            switch attribute {
            case "kind": return node.kind
            case "label": return node.label
            default: return node.attributes[attribute].flatMap { $0.isEmpty ? nil : $0 }
            }
        }
        return graph.attributeAssortativity(category)
    }
}
