// Turns one analysed article (sentences with parses, and the extractions of
// each sentence) into the store's DocumentInput: a knowledge-graph document in
// the vocabulary of ingest/vocabulary.h.
//
// Entities (mentions → coreference → canonical names and types) become
// <base>entity/<Canonical_Name> with rdf:type, rdfs:label, <base>alias and
// <base>mentions; roles from noun phrases become <base>role / <base>country /
// <base>affiliation facts; each extraction whose subject is an entity (or a
// noun phrase) becomes one fact per object, with its time and place modifiers
// as <base>date / <base>location qualifiers. Every fact has a StatementRecord
// and its reification triples, with an id derived from (document, sentence,
// position). Deterministic: the same input always gives the same output.
// Pure function; thread-safe (WordNet lookups are internally synchronised).
#ifndef KG_INGEST_DOCUMENT_BUILDER_H_
#define KG_INGEST_DOCUMENT_BUILDER_H_

#include <string>
#include <vector>

#include "ingest/article.h"
#include "ingest/extractor.h"
#include "ingest/sentence.h"
#include "storage/store.h"

namespace kg {

struct BuildOptions {
  std::string base_iri = std::string(kDefaultBaseIri);
  std::string extractor = "kg-deps-1";  // StatementRecord::extractor prefix
  bool reify = true;  // write rdf:Statement triples for every fact
};

// REQUIRES: extractions.size() == sentences.size() (missing entries are
// treated as no extractions).
DocumentInput BuildDocument(
    const Article& article, const std::vector<Sentence>& sentences,
    const std::vector<std::vector<Extraction>>& extractions,
    const BuildOptions& options = {});

// Hex FNV-1a 64 of the article's text, title and date: DocumentInput's
// content_hash.
std::string ContentHash(const Article& article);

}  // namespace kg

#endif  // KG_INGEST_DOCUMENT_BUILDER_H_
