/// The starter network `netmap init` writes: a YAML network file for one county with its county node, a
/// `sources:` block to fill in, and commented examples of every built-in kind and relation that link to
/// the shared entities in data/shared.yaml by id. It validates as written, and with every example
/// uncommented it validates together with data/shared.yaml.
public enum StarterNetwork {
    /// The county node's id: the slug of its name, with `fylkeskommune` shortened to `fk` as in data/.
    public static func countyID(_ county: String) -> String {
        let slug = Slug.make(from: county)
        return slug.hasSuffix("-fylkeskommune") ? String(slug.dropLast("fylkeskommune".count)) + "fk" : slug
    }

    /// The file's text. `county` and `country` are written as quoted YAML scalars.
    public static func yaml(county: String, country: String, year: Int) -> String {
        let id = countyID(county)
        func quoted(_ text: String) -> String {
            "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        let comment = county.replacingOccurrences(of: "\n", with: " ")
        return """
        # \(comment): international partners. Started with `netmap init`; see docs/guide.md ("Map a new county").
        # 1. Under `sources:`, describe each document you read (strategy, plan, annual report).
        # 2. Add a node for each partner and an edge for each tie, citing the source (and page) that states it.
        #    Programmes, networks, agencies, partner regions and themes already in data/shared.yaml are used
        #    by their id (list them: netmap stats data/shared.yaml); the examples below do so.
        # 3. Check and draw:  netmap validate THIS-FOLDER data/shared.yaml
        #                     netmap render THIS-FOLDER data/shared.yaml -o out/\(id).svg
        # Kinds and relations: docs/format.md. To use an example, remove the '# ' before it.
        network: \(quoted(county + " — internasjonalt samarbeid"))
        sources:
          strategy:
            title: "Internasjonal strategi (fill in the document's title)"
            publisher: \(quoted(county))
            year: \(year)
            # url: https://...
        nodes:
          - id: \(id)
            label: \(quoted(county))
            kind: county
            country: \(quoted(country))
          # One example of each kind (the programme, network, agency, region and theme examples are in
          # data/shared.yaml: interreg-npa, cpmr, innovasjon-norge, kaunas, sdg-9):
          # - {id: example-municipality, label: Eksempel kommune, kind: municipality, country: \(country)}
          # - {id: example-university, label: Eksempel universitet, kind: university, country: \(country)}
          # - {id: example-research, label: Eksempel forskningsinstitutt, kind: research, country: \(country)}
          # - {id: example-business, label: Eksempel AS, kind: business, country: \(country)}
          # - {id: example-school, label: Eksempel videregående skole, kind: school, country: \(country)}
          # - {id: example-cluster, label: Eksempel klynge, kind: cluster, country: \(country)}
          # - {id: example-office, label: Eksempel Europakontor, kind: office, country: BE}
          # - {id: example-project, label: Eksempel prosjekt, kind: project}
        edges:
          # One example of each relation; `page:` says where in the source the tie is stated.
          # - {from: \(id), to: cpmr, relation: member_of, cite: strategy, page: "4"}
          # - {from: \(id), to: kaunas, relation: partner_of, cite: strategy}
          # - {from: \(id), to: interreg-npa, relation: participates_in, cite: strategy}
          # - {from: \(id), to: example-project, relation: manages, cite: strategy}
          # - {from: example-office, to: erasmus-plus, relation: contact_point_for, cite: strategy}
          # - {from: example-office, to: north-sea-commission, relation: secretariat_for, cite: strategy}
          # - {from: \(id), to: example-business, relation: owns, cite: strategy}
          # - {from: example-university, to: example-project, relation: coordinates, cite: strategy}
          # - {from: forskningsradet, to: example-project, relation: funds, cite: strategy}
          # - {from: example-office, to: \(id), relation: part_of, cite: strategy}
          # - {from: example-university, to: example-research, relation: cooperates_with, cite: strategy}
          # - {from: example-project, to: sdg-9, relation: addresses, cite: strategy}
          # - {from: example-school, to: horizon-europe, relation: related_to, cite: strategy}
          # - {from: example-municipality, to: example-cluster, relation: connected_to, cite: strategy}
          # - {from: innovasjon-norge, to: example-cluster, relation: funds, cite: strategy, since: 2024}

        """
    }
}
