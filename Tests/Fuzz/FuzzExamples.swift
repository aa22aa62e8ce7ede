// Seeds and site statistics from the library's own rule examples (targets compiled into the Winnow module).

/// Every rule example's input (and the documents its site statistics are learned from).
func ruleExampleDocuments() -> [[UInt8]] {
    var docs: [[UInt8]] = []
    for d in RuleCatalog.descriptions {
        for e in d.triggering + d.nonTriggering {
            docs.append(Array(e.input.utf8))
            for c in e.corpus { docs.append(Array(c.utf8)) }
        }
    }
    return docs
}

/// A site model learned from the rule examples' corpora, and the sites it knows.
func exampleSiteModel() -> SiteModel {
    var model = SiteModel()
    for d in RuleCatalog.descriptions {
        for e in d.triggering + d.nonTriggering {
            for c in e.corpus { model.learn(host: e.corpusSite ?? "example.com", document: c) }
        }
    }
    return model
}
