// The store seen as a property graph, for the Neo4j and NebulaGraph exports:
// IRIs and blank nodes become nodes, literals become node properties
// (rdfs:label becomes `name`), rdf:type classes become node labels/tags, and a
// triple between two nodes becomes a relationship carrying its predicate, its
// support (number of documents) and those documents. Reified statements
// (subjects typed rdf:Statement, with their rdf:subject/predicate/object and
// qualifier triples) are folded away: their provenance is the relationship's
// `documents`; the N-Quads export keeps them in full. Terms used only as
// predicates or as classes are not nodes. Everything is sorted by IRI, so two
// stores holding the same triples export the same files. In memory; not
// thread-safe.
#ifndef KG_TOOLS_EXPORT_PROPERTY_GRAPH_H_
#define KG_TOOLS_EXPORT_PROPERTY_GRAPH_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "storage/document_scan.h"

namespace kg::cli {

struct PgNode {
  std::string id;    // the IRI, or _:label for a blank node
  std::string name;  // the smallest rdfs:label, else the IRI's local name
  std::vector<std::string> labels;  // class names, sorted; may be empty
  // Values by node property key (index into PropertyGraph::keys), sorted;
  // only the keys the node has (nodes use few of the keys).
  std::map<uint32_t, std::vector<std::string>> props;
};

struct PgEdgeType {
  std::string name;   // identifier-safe, unique
  std::string iri;    // the predicate
  std::string label;  // its rdfs:label, else its local name
};

struct PgEdge {
  uint32_t start = 0, end = 0, type = 0;  // node, node, edge type indexes
  std::vector<uint32_t> documents;        // indexes into documents, sorted
};

struct PropertyGraph {
  std::vector<PgNode> nodes;
  // Node property keys besides `name`: identifier-safe, unique; `multi` tells
  // whether some node has more than one value (an array in Neo4j).
  std::vector<std::string> keys;
  std::vector<bool> multi;
  std::vector<std::string> classes;  // every label used, sorted
  std::vector<PgEdgeType> edge_types;
  std::vector<PgEdge> edges;
  std::vector<std::string> documents;  // ids, sorted
  uint64_t folded_triples = 0;         // triples of reified statements left out
};

StatusOr<PropertyGraph> BuildPropertyGraph(const DocumentScan& scan);

// An identifier made of [A-Za-z0-9_] that does not start with a digit ("x"
// when nothing is left).
std::string IdentifierName(std::string_view text);
// The part of an IRI after its last '#' or '/'.
std::string_view LocalName(std::string_view iri);
// One CSV field (RFC 4180): quoted, with inner quotes doubled, when it holds a
// comma, a quote, a line break or leading/trailing spaces.
std::string CsvField(std::string_view value);

}  // namespace kg::cli

#endif  // KG_TOOLS_EXPORT_PROPERTY_GRAPH_H_
