// Finds entities by name and names them for display. A name is an IRI
// (<...> or an absolute IRI), the canonical name in an entity IRI
// ("Nikol Pashinyan" for <base>entity/Nikol_Pashinyan, exact case), or an
// entity's rdfs:label or <base>alias, matched case-insensitively (ASCII
// case), or the last words of exactly one entity's label or alias
// ("Pashinyan" when only "Nikol Pashinyan" ends so). An unknown name fails with
// NotFound("no entity named X; did you mean: A, B, C"), the suggestions being
// the known names closest by edit distance (to the whole name or one of its
// words).
//
// A name found exactly as stored (label or alias, plain or @en) is answered
// from the indexes directly; otherwise the case-insensitive index is built
// from one scan of all labels and aliases (pos index) and kept for the
// object's lifetime. So an exact name never costs a scan (and never sees
// other entities whose label differs from it only in case).
// Thread-safety: one thread at a time (it holds a ReadView reference).
#ifndef KG_GRAPH_ENTITY_NAMES_H_
#define KG_GRAPH_ENTITY_NAMES_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "storage/status.h"
#include "storage/store.h"

namespace kg {

class EntityNames {
 public:
  // REQUIRES: `view` outlives this object.
  EntityNames(const ReadView& view, std::string base_iri);

  // Every entity the name denotes: the IRI's term when the name is (or
  // spells, as a canonical name) an IRI in the store; else label matches,
  // then alias matches, no duplicates. NotFound with suggestions when none.
  StatusOr<std::vector<TermId>> Find(std::string_view name);

  // The term's rdfs:label, else its IRI without the "<base>entity/",
  // "<base>rel/" or "<base>" prefix, else the term in N-Triples form.
  std::string DisplayName(TermId id);

  // The IRI or literal text of a term ("" when unknown).
  std::string TermText(TermId id);

  // Up to `n` known names close to `name` (edit distance to the name, or 1 +
  // that to one of its words; at most max(2, |name| / 2)), closest first,
  // ties by name.
  std::vector<std::string> Suggest(std::string_view name, size_t n = 3);

 private:
  struct Entry {
    std::string lower;    // lower-cased name
    std::string display;  // as stored
    TermId entity;
    bool is_label;
  };
  Status EnsureIndex();
  TermId PredicateId(const std::string& iri);

  const ReadView& view_;
  const std::string base_iri_;
  TermId label_ = kNoTerm, alias_ = kNoTerm;
  bool index_built_ = false;
  std::vector<Entry> index_;  // sorted by `lower`
};

// ASCII lower-casing (bytes >= 0x80 unchanged).
std::string AsciiLower(std::string_view s);

// Levenshtein distance on bytes.
size_t EditDistance(std::string_view a, std::string_view b);

}  // namespace kg

#endif  // KG_GRAPH_ENTITY_NAMES_H_
