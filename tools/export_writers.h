// Writers of the property-graph exports (see export_property_graph.h for the
// model and docs/SCALING.md for the layouts and the import commands).
//
// Neo4j (`neo4j-admin database import full`): nodes.csv (id:ID, name, :LABEL,
// one column per node property, `key:string[]` when some node has several
// values), relationships.csv (:START_ID, :END_ID, :TYPE, label, iri,
// support:int, documents:string[]) and import.sh with the command. Arrays and
// labels are separated by U+001F (--array-delimiter=U+001F), so no text value
// can split them.
//
// NebulaGraph (nebula-importer v4): one vertex CSV per tag, one edge CSV per
// edge type, schema.ngql (space, tags, edges) and importer.yaml. Vertex ids
// are INT64: 63 bits of FNV-1a of the node's IRI, so every machine gives a
// node the same id; several values of a property are a JSON array string.
//
// Both write into a new directory `dir` (absent or empty), through a
// temporary sibling renamed at the end: a failed export leaves nothing.
#ifndef KG_TOOLS_EXPORT_WRITERS_H_
#define KG_TOOLS_EXPORT_WRITERS_H_

#include <cstdint>
#include <string>

#include "tools/export_property_graph.h"

namespace kg::cli {

Status WriteNeo4jExport(const PropertyGraph& g, const std::string& dir);

Status WriteNebulaExport(const PropertyGraph& g, const std::string& dir,
                         const std::string& space);

// The NebulaGraph vertex id of a node id (IRI or _:label); never 0.
int64_t NebulaVid(const std::string& node_id);

// Creates `dir`'s temporary sibling, runs `write(tmp)`, renames tmp to `dir`.
// InvalidArgument when `dir` exists and is not an empty directory.
Status WriteDirectoryAtomically(
    const std::string& dir,
    const std::function<Status(const std::string&)>& write);

}  // namespace kg::cli

#endif  // KG_TOOLS_EXPORT_WRITERS_H_
