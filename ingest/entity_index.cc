#include "ingest/entity_index.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>

namespace kg {
namespace {

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

// Objects of (s, p, ?) with the number of documents supporting each triple.
StatusOr<std::vector<std::pair<Term, uint64_t>>> Objects(const ReadView& view,
                                                         TermId s, TermId p) {
  std::vector<std::pair<Term, uint64_t>> out;
  if (p == kNoTerm) return out;
  auto it = view.Match(s, p, kNoTerm);
  for (; it->Valid(); it->Next()) {
    IdTriple t = it->triple();
    auto term = view.Resolve(t.o);
    if (!term.ok()) return term.status();
    auto support = view.Support(t);
    if (!support.ok()) return support.status();
    out.emplace_back(*term, *support);
  }
  if (!it->status().ok()) return it->status();
  return out;
}

TermId IdOf(const ReadView& view, const Term& term) {
  auto id = view.Lookup(term);
  return id.ok() ? *id : kNoTerm;
}

}  // namespace

std::string NameKey(std::string_view name) {
  std::string out;
  bool space = false;
  for (char c : name) {
    if (c == '_' || std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

StatusOr<EntityIndex> EntityIndex::Load(const ReadView& view,
                                        const Vocabulary& vocab) {
  EntityIndex index;
  TermId type = IdOf(view, Vocabulary::RdfType());
  TermId label = IdOf(view, Vocabulary::RdfsLabel());
  TermId alias = IdOf(view, vocab.Property("alias"));
  TermId mentions = IdOf(view, vocab.Property("mentions"));
  if (type == kNoTerm) return index;
  // Entity id → (type → documents).
  std::map<TermId, std::map<EntityType, uint64_t>> typed;
  for (int c = 0; c <= static_cast<int>(EntityType::kOther); ++c) {
    EntityType et = static_cast<EntityType>(c);
    TermId cls = IdOf(view, vocab.Class(et));
    if (cls == kNoTerm) continue;
    auto it = view.Match(kNoTerm, type, cls);
    for (; it->Valid(); it->Next()) {
      auto support = view.Support(it->triple());
      if (!support.ok()) return support.status();
      typed[it->triple().s][et] += *support;
    }
    if (!it->status().ok()) return it->status();
  }
  for (const auto& [id, types] : typed) {
    EntitySummary e;
    e.id = id;
    auto term = view.Resolve(id);
    if (!term.ok()) return term.status();
    e.iri = term->value;
    uint64_t best = 0;
    for (const auto& [et, docs] : types) {
      e.documents += docs;
      if (docs > best) best = docs, e.type = et;
    }
    auto labels = Objects(view, id, label);
    if (!labels.ok()) return labels.status();
    if (!labels->empty()) e.name = labels->front().first.value;
    if (e.name.empty()) e.name = vocab.EntityName(e.iri).value_or(e.iri);
    auto aliases = Objects(view, id, alias);
    if (!aliases.ok()) return aliases.status();
    for (const auto& [t, n] : *aliases) e.aliases.push_back(t.value);
    auto counts = Objects(view, id, mentions);
    if (!counts.ok()) return counts.status();
    for (const auto& [t, n] : *counts) {
      e.mentions += std::strtoull(t.value.c_str(), nullptr, 10) * n;
    }
    size_t pos = index.entities_.size();
    index.by_id_[id] = pos;
    index.by_name_[NameKey(e.name)].push_back(pos);
    for (const std::string& a : e.aliases) {
      auto& v = index.by_name_[NameKey(a)];
      if (std::find(v.begin(), v.end(), pos) == v.end()) v.push_back(pos);
    }
    index.entities_.push_back(std::move(e));
  }
  return index;
}

std::vector<const EntitySummary*> EntityIndex::Find(
    std::string_view name) const {
  std::vector<const EntitySummary*> out;
  std::string key = NameKey(name);
  auto it = by_name_.find(key);
  if (it != by_name_.end()) {
    for (size_t i : it->second) out.push_back(&entities_[i]);
  } else if (!key.empty() && key.find(' ') == std::string::npos) {
    // A surname or first name alone: people whose name starts or ends with it.
    for (const EntitySummary& e : entities_) {
      if (e.type != EntityType::kPerson) continue;
      std::string n = NameKey(e.name);
      auto space = n.find(' ');
      if (space == std::string::npos) continue;
      if (n.substr(0, space) == key || n.substr(n.rfind(' ') + 1) == key) {
        out.push_back(&e);
      }
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const EntitySummary* a, const EntitySummary* b) {
                     // An exact label match outranks an alias match.
                     return a->mentions > b->mentions;
                   });
  std::stable_partition(out.begin(), out.end(), [&](const EntitySummary* e) {
    return NameKey(e->name) == key;
  });
  return out;
}

std::vector<std::string> EntityIndex::Suggest(std::string_view name,
                                              size_t k) const {
  std::string key = NameKey(name);
  std::vector<std::pair<size_t, std::string>> scored;
  for (const auto& [known, positions] : by_name_) {
    size_t d = EditDistance(key, known);
    // A known name containing the query is a good suggestion too.
    if (!key.empty() && known.find(key) != std::string::npos)
      d = std::min(d, size_t{1});
    scored.emplace_back(d, entities_[positions.front()].name);
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  for (const auto& [d, n] : scored) {
    if (out.size() >= k) break;
    if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
  }
  return out;
}

const EntitySummary* EntityIndex::ById(TermId id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &entities_[it->second];
}

}  // namespace kg
