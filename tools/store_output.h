// Output helpers of the store commands (kg triples, export, docs, stats):
// resolving id triples to terms through a bounded cache, and printing triples
// as an aligned table, TSV or JSON. Not thread-safe.
#ifndef KG_TOOLS_STORE_OUTPUT_H_
#define KG_TOOLS_STORE_OUTPUT_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <unordered_map>
#include <vector>

#include "storage/store.h"

namespace kg::cli {

// Resolves ids through `view` (borrowed; must outlive the cache), keeping up
// to `capacity` terms; predicates and frequent nodes are then looked up once.
class TermCache {
 public:
  explicit TermCache(const ReadView& view, size_t capacity = 1 << 18)
      : view_(view), capacity_(capacity) {}
  StatusOr<Triple> Resolve(const IdTriple& t);

 private:
  Status Get(TermId id, Term* term);
  const ReadView& view_;
  size_t capacity_;
  std::unordered_map<TermId, Term> terms_;
};

enum class TripleFormat { kTable, kTsv, kJson };

// Table and JSON buffer nothing but the table rows (to align the columns);
// TSV and JSON stream. Terms are shown in N-Triples syntax (table, TSV) or as
// SPARQL JSON result terms ({"type":"uri"|"literal"|"bnode","value":...}).
class TriplePrinter {
 public:
  TriplePrinter(std::ostream& out, TripleFormat format)
      : out_(out), format_(format) {}
  void Add(const Triple& t);
  // Ends the output (table: prints the rows and a count line).
  void Finish();

 private:
  std::ostream& out_;
  TripleFormat format_;
  uint64_t count_ = 0;
  std::vector<std::string> cells_;  // table rows, three cells each
};

// SPARQL JSON result term: {"type", "value", "xml:lang" | "datatype"}.
nlohmann::ordered_json TermToJson(const Term& term);
// "12.3 MB" style, base 1024.
std::string HumanBytes(uint64_t bytes);
// Prints rows with each column padded to its widest cell (capped at
// `max_width`), columns separated by two spaces.
void PrintTable(std::ostream& out, const std::vector<std::string>& header,
                const std::vector<std::vector<std::string>>& rows,
                size_t max_width = 60);

}  // namespace kg::cli

#endif  // KG_TOOLS_STORE_OUTPUT_H_
