#include "graph/entity_names.h"

#include <algorithm>

namespace kg {

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min(
          {row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

EntityNames::EntityNames(const ReadView& view, std::string base_iri)
    : view_(view), base_iri_(std::move(base_iri)) {
  label_ = PredicateId(std::string(kRdfsNs) + "label");
  alias_ = PredicateId(base_iri_ + "alias");
}

TermId EntityNames::PredicateId(const std::string& iri) {
  StatusOr<TermId> id = view_.Lookup(Term::Iri(iri));
  return id.ok() ? *id : kNoTerm;
}

Status EntityNames::EnsureIndex() {
  if (index_built_) return Status::OK();
  for (TermId p : {label_, alias_}) {
    if (p == kNoTerm) continue;
    auto it = view_.Match(kNoTerm, p, kNoTerm);
    for (; it->Valid(); it->Next()) {
      const IdTriple t = it->triple();
      StatusOr<Term> name = view_.Resolve(t.o);
      if (!name.ok()) return name.status();
      if (!name->is_literal()) continue;
      index_.push_back(
          Entry{AsciiLower(name->value), name->value, t.s, p == label_});
    }
    KG_RETURN_IF_ERROR(it->status());
  }
  std::sort(index_.begin(), index_.end(), [](const Entry& a, const Entry& b) {
    if (a.lower != b.lower) return a.lower < b.lower;
    if (a.is_label != b.is_label) return a.is_label;
    return a.entity < b.entity;
  });
  index_built_ = true;
  return Status::OK();
}

StatusOr<std::vector<TermId>> EntityNames::Find(std::string_view name) {
  std::vector<TermId> out;
  std::string iri(name);
  if (iri.size() >= 2 && iri.front() == '<' && iri.back() == '>') {
    iri = iri.substr(1, iri.size() - 2);
  }
  if (iri.find("://") != std::string::npos || iri.starts_with("urn:")) {
    StatusOr<TermId> id = view_.Lookup(Term::Iri(iri));
    if (id.ok()) out.push_back(*id);
  } else {
    // The canonical name in the IRI: "Nikol Pashinyan" ->
    // entity/Nikol_Pashinyan.
    std::string local(name);
    std::replace(local.begin(), local.end(), ' ', '_');
    StatusOr<TermId> id =
        view_.Lookup(Term::Iri(base_iri_ + "entity/" + local));
    if (id.ok()) out.push_back(*id);
  }
  if (!out.empty()) return out;  // an IRI names one term
  // Fast path, no index: the name exactly as stored (plain or @en literal).
  if (!index_built_) {
    const size_t before = out.size();
    for (bool want_label : {true, false}) {
      TermId p = want_label ? label_ : alias_;
      if (p == kNoTerm) continue;
      for (const Term& lit : {Term::Literal(std::string(name)),
                              Term::LangLiteral(std::string(name), "en")}) {
        StatusOr<TermId> id = view_.Lookup(lit);
        if (!id.ok()) continue;
        for (auto it = view_.Match(kNoTerm, p, *id); it->Valid(); it->Next()) {
          TermId e = it->triple().s;
          if (std::find(out.begin(), out.end(), e) == out.end()) {
            out.push_back(e);
          }
        }
      }
    }
    if (out.size() > before) return out;
  }
  KG_RETURN_IF_ERROR(EnsureIndex());
  const std::string lower = AsciiLower(name);
  auto lo = std::lower_bound(
      index_.begin(), index_.end(), lower,
      [](const Entry& e, const std::string& key) { return e.lower < key; });
  // Labels sort before aliases within one name.
  for (bool want_label : {true, false}) {
    for (auto it = lo; it != index_.end() && it->lower == lower; ++it) {
      if (it->is_label == want_label &&
          std::find(out.begin(), out.end(), it->entity) == out.end()) {
        out.push_back(it->entity);
      }
    }
  }
  if (!out.empty()) return out;
  // The last words of exactly one entity's name ("Pashinyan" for "Nikol
  // Pashinyan", when no other name ends so) denote that entity.
  const std::string tail = " " + lower;
  for (const Entry& e : index_) {
    if (e.lower.size() > tail.size() && e.lower.ends_with(tail) &&
        std::find(out.begin(), out.end(), e.entity) == out.end()) {
      out.push_back(e.entity);
      if (out.size() > 1) break;
    }
  }
  if (out.size() == 1) return out;
  out.clear();
  std::string message = "no entity named " + std::string(name);
  std::vector<std::string> close = Suggest(name);
  for (size_t i = 0; i < close.size(); ++i) {
    message += (i == 0 ? "; did you mean: " : ", ") + close[i];
  }
  return Status::NotFound(message);
}

std::vector<std::string> EntityNames::Suggest(std::string_view name, size_t n) {
  std::vector<std::string> out;
  if (!EnsureIndex().ok()) return out;
  const std::string lower = AsciiLower(name);
  // A name scores its distance to the query, or one more than the distance
  // of its closest word ("Colomna" is close to "Javier Colomina"). Names
  // farther than about half the query are no suggestion.
  const size_t max_distance = std::max<size_t>(2, lower.size() / 2);
  std::vector<std::pair<size_t, const Entry*>> scored;
  std::string_view previous;
  for (const Entry& e : index_) {
    if (e.lower == previous) continue;  // one score per distinct name
    previous = e.lower;
    size_t d = EditDistance(lower, e.lower);
    for (size_t begin = 0; begin < e.lower.size();) {
      size_t end = e.lower.find(' ', begin);
      if (end == std::string::npos) end = e.lower.size();
      if (end > begin && end - begin < e.lower.size()) {
        d = std::min(d,
                     1 + EditDistance(lower, std::string_view(e.lower).substr(
                                                 begin, end - begin)));
      }
      begin = end + 1;
    }
    if (d <= max_distance) scored.emplace_back(d, &e);
  }
  std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first
                              : a.second->lower < b.second->lower;
  });
  for (size_t i = 0; i < scored.size() && out.size() < n; ++i) {
    out.push_back(scored[i].second->display);
  }
  return out;
}

std::string EntityNames::DisplayName(TermId id) {
  if (label_ != kNoTerm) {
    auto it = view_.Match(id, label_, kNoTerm);
    if (it->Valid()) {
      StatusOr<Term> label = view_.Resolve(it->triple().o);
      if (label.ok() && label->is_literal()) return label->value;
    }
  }
  StatusOr<Term> term = view_.Resolve(id);
  if (!term.ok()) return std::string("#").append(std::to_string(id));
  for (const std::string& prefix :
       {base_iri_ + "entity/", base_iri_ + "rel/", base_iri_}) {
    if (term->is_iri() && term->value.starts_with(prefix) &&
        term->value.size() > prefix.size()) {
      return term->value.substr(prefix.size());
    }
  }
  return term->ToNTriples();
}

std::string EntityNames::TermText(TermId id) {
  StatusOr<Term> term = view_.Resolve(id);
  return term.ok() ? term->value : std::string();
}

}  // namespace kg
