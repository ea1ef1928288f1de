// A read-side view of the entities in a store: every subject typed with one
// of the vocabulary's classes, with its label, aliases, mention and document
// counts, and case-insensitive lookup by label or alias (with "did you mean"
// suggestions). Built from one ReadView snapshot; immutable afterwards, so it
// may be shared between threads. Used by `kg entities / explain / why`.
#ifndef KG_INGEST_ENTITY_INDEX_H_
#define KG_INGEST_ENTITY_INDEX_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ingest/vocabulary.h"
#include "storage/store.h"

namespace kg {

struct EntitySummary {
  TermId id = kNoTerm;
  std::string iri;
  std::string name;                      // rdfs:label, else the name in the IRI
  EntityType type = EntityType::kOther;  // the type most documents give it
  std::vector<std::string> aliases;
  uint64_t mentions = 0;   // summed over documents
  uint64_t documents = 0;  // documents that type it
};

class EntityIndex {
 public:
  // Scans the store's typed entities. Errors: the store's read errors.
  static StatusOr<EntityIndex> Load(const ReadView& view,
                                    const Vocabulary& vocab);

  const std::vector<EntitySummary>& entities() const { return entities_; }

  // Entities whose label or an alias equals `name`, ignoring case and
  // spacing/underscores, label matches and most mentions first; failing that,
  // for a single word, the people whose name starts or ends with it.
  std::vector<const EntitySummary*> Find(std::string_view name) const;

  // Up to `k` known names closest to `name` (edit distance, case-insensitive).
  std::vector<std::string> Suggest(std::string_view name, size_t k = 5) const;

  // The entity with this term id, or nullptr.
  const EntitySummary* ById(TermId id) const;

 private:
  std::vector<EntitySummary> entities_;
  std::unordered_map<std::string, std::vector<size_t>> by_name_;
  std::unordered_map<TermId, size_t> by_id_;
};

// Lower-case, underscores as spaces, runs of spaces collapsed: the key names
// are compared by.
std::string NameKey(std::string_view name);

}  // namespace kg

#endif  // KG_INGEST_ENTITY_INDEX_H_
