/// Sentences that several commands' `help` pages share.
enum HelpText {
    /// Where a reader who is not a network analyst finds what the output's words mean.
    static let glossary = """
        What the words and numbers mean, in plain language with examples: docs/glossary.md (after `make install`: \
        PREFIX/share/doc/netmap/glossary.md).
        """

    /// How a command that takes a node name finds the node (the rule is `Network.resolve`).
    static let names = """
        A node is named by its id or the start of its name, ignoring case and accents ("trondelag" is \
        Trøndelag fylkeskommune); an ambiguous or unknown name lists the candidates with their ids, and \
        `netmap find TEXT` lists ids by name. The rule: "Naming actors" in docs/guide.md.
        """
}
