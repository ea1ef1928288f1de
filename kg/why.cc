// Database::Why: the support of one fact, answered as `kg why` answers it —
// the subject resolved through the entity index, the predicate as a relation
// lemma (a verb form is lemmatised with WordNet) or a vocabulary property,
// the object as an entity or the literal text of one of the subject's facts.
#include <algorithm>
#include <string>
#include <vector>

#include "ingest/evidence.h"
#include "ingest/wordnet.h"
#include "kg/database_rep.h"

namespace kg {
namespace {

// How a term reads: a relation's lemma, an entity's name, a literal's text.
std::string Display(const Term& t, const Vocabulary& vocab,
                    const EntityIndex& index, const ReadView& view) {
  if (t.is_literal()) return t.value;
  if (auto lemma = vocab.RelationLemma(t.value)) return *lemma;
  if (auto id = view.Lookup(t); id.ok()) {
    if (const EntitySummary* e = index.ById(*id)) return e->name;
  }
  if (auto name = vocab.EntityName(t.value)) return *name;
  return t.value;
}

// The predicates a name may denote: relation "welcomed", relation "welcome"
// (the verb's lemma, keeping any particle), property "welcomed".
std::vector<Term> PredicateCandidates(std::string_view name,
                                      const Vocabulary& vocab) {
  const std::string key = NameKey(name);
  std::vector<Term> out = {vocab.Relation(key), vocab.Property(key)};
  const size_t space = key.find(' ');
  const std::string verb = key.substr(0, space);
  const std::string lemma = wordnet::Lemma(verb, PartOfSpeech::kVerb);
  if (lemma != verb) {
    out.push_back(vocab.Relation(
        lemma + (space == std::string::npos ? "" : key.substr(space))));
  }
  return out;
}

}  // namespace

StatusOr<std::vector<FactSupport>> Database::Why(
    std::string_view subject, std::string_view predicate,
    std::string_view object) const {
  auto view = rep_->store->NewReadView();
  auto index_or = rep_->Entities(*view);
  if (!index_or.ok()) return index_or.status();
  const EntityIndex& index = **index_or;
  const Vocabulary& vocab = rep_->vocab;

  auto subjects = index.Find(subject);
  if (subjects.empty()) {
    return Status::NotFound("unknown entity '" + std::string(subject) + "'");
  }
  const EntitySummary& s = *subjects.front();
  std::vector<TermId> objects;
  for (const EntitySummary* o : index.Find(object)) objects.push_back(o->id);
  const std::string object_key = NameKey(object);

  std::vector<IdTriple> found;
  for (const Term& p : PredicateCandidates(predicate, vocab)) {
    auto pid = view->Lookup(p);
    if (!pid.ok()) continue;
    for (auto it = view->Match(s.id, *pid, kNoTerm); it->Valid(); it->Next()) {
      const IdTriple t = it->triple();
      bool match =
          std::find(objects.begin(), objects.end(), t.o) != objects.end();
      if (!match) {
        auto term = view->Resolve(t.o);
        match = term.ok() && term->is_literal() &&
                NameKey(term->value) == object_key;
      }
      if (match && std::find(found.begin(), found.end(), t) == found.end()) {
        found.push_back(t);
      }
    }
  }
  if (found.empty()) {
    return Status::NotFound("no fact (" + s.name + ", " +
                            std::string(predicate) + ", " +
                            std::string(object) + ") in the store");
  }

  std::vector<FactSupport> out;
  for (const IdTriple& t : found) {
    auto st = view->Resolve(t.s);
    auto p = view->Resolve(t.p);
    auto o = view->Resolve(t.o);
    if (!st.ok()) return st.status();
    if (!p.ok()) return p.status();
    if (!o.ok()) return o.status();
    auto evidence = FactEvidence(*view, vocab, t);
    if (!evidence.ok()) return evidence.status();
    FactSupport fact;
    fact.subject = s.name;
    fact.predicate = Display(*p, vocab, index, *view);
    fact.object = Display(*o, vocab, index, *view);
    fact.triple = {*st, *p, *o};
    for (const Evidence& e : *evidence) {
      fact.evidence.push_back({e.statement.document_id, e.title, e.date,
                               e.statement.sentence, e.sentence,
                               e.statement.confidence,
                               e.statement.extractor});
    }
    out.push_back(std::move(fact));
  }
  return out;
}

}  // namespace kg
