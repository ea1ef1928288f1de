// The entity commands: entities, explain, why. They read the knowledge graph
// the ingestor wrote (ingest/vocabulary.h) through an EntityIndex.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "ingest/entity_index.h"
#include "ingest/evidence.h"
#include "ingest/vocabulary.h"
#include "ingest/wordnet.h"
#include "tools/commands.h"

namespace kg::cli {
namespace {

struct EntitiesArgs {
  std::string type, sort = "mentions", format = "table";
  std::string base = std::string(kDefaultBaseIri);
  size_t limit = 0;
  bool all = false;
};

struct ExplainArgs {
  std::string entity;
  std::string base = std::string(kDefaultBaseIri);
};

struct WhyArgs {
  std::string subject, predicate, object;
  std::string base = std::string(kDefaultBaseIri);
};

std::string Join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const auto& s : v) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

EntityIndex LoadIndex(const ReadView& view, const Vocabulary& vocab) {
  auto index = EntityIndex::Load(view, vocab);
  if (!index.ok()) Fail(index.status());
  return std::move(index).value();
}

// The entity a name refers to, or a failure with the closest known names.
const EntitySummary& ResolveOrDie(const EntityIndex& index,
                                  const std::string& name) {
  auto found = index.Find(name);
  if (!found.empty()) return *found.front();
  auto suggestions = index.Suggest(name);
  std::string msg = "unknown entity '" + name + "'";
  if (!suggestions.empty()) {
    msg += "; did you mean: " + Join(suggestions, ", ") + "?";
  }
  Fail(msg);
}

// How a term reads in output: entity names, relation lemmas, literal text.
std::string Display(const Term& t, const Vocabulary& vocab,
                    const EntityIndex& index, const ReadView& view) {
  if (t.is_literal())
    return t.datatype.empty() ? "\"" + t.value + "\"" : t.value;
  if (auto lemma = vocab.RelationLemma(t.value)) return *lemma;
  auto id = view.Lookup(t);
  if (id.ok()) {
    if (const EntitySummary* e = index.ById(*id)) return e->name;
  }
  if (auto name = vocab.EntityName(t.value)) return *name;
  if (t.value.rfind(vocab.base(), 0) == 0) {
    return t.value.substr(vocab.base().size());
  }
  return "<" + t.value + ">";
}

void RunEntities(const GlobalOptions& g, const EntitiesArgs& args) {
  std::optional<EntityType> type;
  if (!args.type.empty()) {
    type = ParseEntityType(args.type);
    if (!type) {
      Fail("unknown type '" + args.type +
               "' (Person, Organization, Location, Date, Event, Other)",
           kExitUsage);
    }
  }
  if (args.sort != "mentions" && args.sort != "documents") {
    Fail("--sort must be mentions or documents", kExitUsage);
  }
  auto store = OpenStoreOrDie(g, /*read_only=*/true);
  auto view = store->NewReadView();
  Vocabulary vocab(args.base);
  EntityIndex index = LoadIndex(*view, vocab);
  std::vector<const EntitySummary*> rows;
  for (const auto& e : index.entities()) {
    // Phrase nodes ("the talks") are typed Other and have no mentions.
    bool phrase = e.type == EntityType::kOther && e.mentions == 0;
    if ((!type || e.type == *type) && (args.all || !phrase)) rows.push_back(&e);
  }
  bool by_docs = args.sort == "documents";
  std::sort(rows.begin(), rows.end(),
            [by_docs](const EntitySummary* a, const EntitySummary* b) {
              uint64_t ka = by_docs ? a->documents : a->mentions;
              uint64_t kb = by_docs ? b->documents : b->mentions;
              if (ka != kb) return ka > kb;
              uint64_t sa = by_docs ? a->mentions : a->documents;
              uint64_t sb = by_docs ? b->mentions : b->documents;
              if (sa != sb) return sa > sb;
              return a->name < b->name;
            });
  if (args.limit > 0 && rows.size() > args.limit) rows.resize(args.limit);
  if (args.format == "json") {
    nlohmann::json out = nlohmann::json::array();
    for (const auto* e : rows) {
      out.push_back({{"name", e->name},
                     {"iri", e->iri},
                     {"type", std::string(EntityTypeName(e->type))},
                     {"aliases", e->aliases},
                     {"mentions", e->mentions},
                     {"documents", e->documents}});
    }
    std::cout << out.dump(2) << "\n";
  } else if (args.format == "tsv") {
    std::cout << "name\ttype\tmentions\tdocuments\taliases\n";
    for (const auto* e : rows) {
      std::cout << e->name << '\t' << EntityTypeName(e->type) << '\t'
                << e->mentions << '\t' << e->documents << '\t'
                << Join(e->aliases, "|") << '\n';
    }
  } else if (args.format == "table") {
    size_t w = 4;
    for (const auto* e : rows)
      w = std::max(w, std::min<size_t>(e->name.size(), 40));
    std::printf("%-*s  %-12s  %8s  %9s  %s\n", static_cast<int>(w), "NAME",
                "TYPE", "MENTIONS", "DOCUMENTS", "ALIASES");
    for (const auto* e : rows) {
      std::printf("%-*s  %-12s  %8llu  %9llu  %s\n", static_cast<int>(w),
                  e->name.c_str(), std::string(EntityTypeName(e->type)).c_str(),
                  static_cast<unsigned long long>(e->mentions),
                  static_cast<unsigned long long>(e->documents),
                  Join(e->aliases, ", ").c_str());
    }
    std::printf("(%zu entities)\n", rows.size());
  } else {
    Fail("--format must be table, tsv or json", kExitUsage);
  }
}

// The facts of a triple pattern, skipping bookkeeping predicates.
struct FactRow {
  IdTriple triple;
  std::string text;
  uint64_t documents = 0;
  double confidence = 0;
};

bool Bookkeeping(const Term& p, const Vocabulary& vocab) {
  return p == Vocabulary::RdfType() || p == Vocabulary::RdfsLabel() ||
         p == vocab.Property("alias") || p == vocab.Property("mentions") ||
         p == Vocabulary::RdfSubject() || p == Vocabulary::RdfObject() ||
         p == Vocabulary::RdfPredicate() || p == vocab.Property("location");
}

std::vector<FactRow> Facts(const ReadView& view, const Vocabulary& vocab,
                           const EntityIndex& index, TermId s, TermId o) {
  std::vector<FactRow> rows;
  auto it = view.Match(s, kNoTerm, o);
  for (; it->Valid(); it->Next()) {
    IdTriple t = it->triple();
    auto p = view.Resolve(t.p);
    if (!p.ok()) Fail(p.status());
    if (Bookkeeping(*p, vocab)) continue;
    auto st = view.Resolve(t.s);
    auto ot = view.Resolve(t.o);
    if (!st.ok() || !ot.ok()) Fail("cannot resolve a term of a fact");
    FactRow row;
    row.triple = t;
    row.text = Display(*st, vocab, index, view) + "  " +
               Display(*p, vocab, index, view) + "  " +
               Display(*ot, vocab, index, view);
    auto support = view.Support(t);
    row.documents = support.ok() ? *support : 0;
    auto statements = view.Statements(t);
    if (statements.ok()) {
      for (const auto& r : *statements) {
        row.confidence = std::max(row.confidence, r.confidence);
      }
    }
    rows.push_back(std::move(row));
  }
  if (!it->status().ok()) Fail(it->status());
  return rows;
}

void PrintFacts(const char* heading, const std::vector<FactRow>& rows) {
  if (rows.empty()) return;
  std::printf("%s (%zu):\n", heading, rows.size());
  for (const auto& r : rows) {
    std::printf("  %s   [%llu doc%s, confidence %.2f]\n", r.text.c_str(),
                static_cast<unsigned long long>(r.documents),
                r.documents == 1 ? "" : "s", r.confidence);
  }
}

void RunExplain(const GlobalOptions& g, const ExplainArgs& args) {
  auto store = OpenStoreOrDie(g, /*read_only=*/true);
  auto view = store->NewReadView();
  Vocabulary vocab(args.base);
  EntityIndex index = LoadIndex(*view, vocab);
  const EntitySummary& e = ResolveOrDie(index, args.entity);
  std::printf("%s  (%s; %llu mentions in %llu documents)\n", e.name.c_str(),
              std::string(EntityTypeName(e.type)).c_str(),
              static_cast<unsigned long long>(e.mentions),
              static_cast<unsigned long long>(e.documents));
  std::printf("  %s\n", e.iri.c_str());
  if (!e.aliases.empty()) {
    std::printf("  also: %s\n", Join(e.aliases, ", ").c_str());
  }
  PrintFacts("facts about it", Facts(*view, vocab, index, e.id, kNoTerm));
  PrintFacts("facts pointing to it", Facts(*view, vocab, index, kNoTerm, e.id));
}

// The predicate a user names: a relation lemma ("welcomed" → welcome) or a
// vocabulary property (role, country, affiliation).
std::vector<Term> PredicateCandidates(const std::string& name,
                                      const Vocabulary& vocab) {
  std::string key = NameKey(name);
  std::vector<Term> out = {vocab.Relation(key), vocab.Property(key)};
  auto space = key.find(' ');
  std::string first = key.substr(0, space);
  std::string lemma = wordnet::Lemma(first, PartOfSpeech::kVerb);
  if (lemma != first) {
    std::string rest = space == std::string::npos ? "" : key.substr(space);
    out.push_back(vocab.Relation(lemma + rest));
  }
  return out;
}

void RunWhy(const GlobalOptions& g, const WhyArgs& args) {
  auto store = OpenStoreOrDie(g, /*read_only=*/true);
  auto view = store->NewReadView();
  Vocabulary vocab(args.base);
  EntityIndex index = LoadIndex(*view, vocab);
  const EntitySummary& s = ResolveOrDie(index, args.subject);
  // The object: an entity, else a literal of one of the subject's facts.
  std::vector<TermId> objects;
  for (const auto* o : index.Find(args.object)) objects.push_back(o->id);
  std::vector<TermId> predicates;
  for (const Term& p : PredicateCandidates(args.predicate, vocab)) {
    auto id = view->Lookup(p);
    if (id.ok()) predicates.push_back(*id);
  }
  std::vector<IdTriple> found;
  for (TermId p : predicates) {
    auto it = view->Match(s.id, p, kNoTerm);
    for (; it->Valid(); it->Next()) {
      IdTriple t = it->triple();
      bool match =
          std::find(objects.begin(), objects.end(), t.o) != objects.end();
      if (!match) {
        auto term = view->Resolve(t.o);
        match = term.ok() && term->is_literal() &&
                NameKey(term->value) == NameKey(args.object);
      }
      if (match) found.push_back(t);
    }
  }
  if (found.empty()) {
    std::string msg = "no fact (" + s.name + ", " + args.predicate + ", " +
                      args.object + ") in the store";
    auto facts = Facts(*view, vocab, index, s.id, kNoTerm);
    if (!facts.empty()) {
      msg += "; facts about " + s.name + " include:";
      for (size_t i = 0; i < facts.size() && i < 5; ++i) {
        msg += "\n  " + facts[i].text;
      }
    }
    Fail(msg);
  }
  for (const IdTriple& t : found) {
    auto statements = view->Statements(t);
    if (!statements.ok()) Fail(statements.status());
    auto p = view->Resolve(t.p);
    auto o = view->Resolve(t.o);
    std::printf("%s  %s  %s: %zu statement%s\n", s.name.c_str(),
                Display(*p, vocab, index, *view).c_str(),
                Display(*o, vocab, index, *view).c_str(), statements->size(),
                statements->size() == 1 ? "" : "s");
    for (const StatementRecord& r : *statements) {
      std::string text = StatementSentence(*view, vocab, r);
      std::printf("  %s, sentence %u, confidence %.2f (%s)\n    %s\n",
                  r.document_id.c_str(), r.sentence, r.confidence,
                  r.extractor.c_str(), text.c_str());
    }
  }
}

}  // namespace

void RegisterEntityCommands(CLI::App& app, GlobalOptions& g) {
  auto entities_args = std::make_shared<EntitiesArgs>();
  CLI::App* entities = app.add_subcommand(
      "entities", "list entities: name, type, aliases, mentions, documents");
  entities->add_option("--type", entities_args->type,
                       "Person, Organization, Location, Date, Event or Other");
  entities->add_option("--sort", entities_args->sort, "mentions or documents")
      ->capture_default_str();
  entities->add_option("--format", entities_args->format, "table, tsv or json")
      ->capture_default_str();
  entities->add_option("--limit,-n", entities_args->limit,
                       "print at most N entities (0 = all)");
  entities->add_flag("--all", entities_args->all,
                     "also list noun-phrase nodes (type Other, no mentions)");
  entities->add_option("--base", entities_args->base, "base IRI")
      ->capture_default_str();
  entities->callback([&g, entities_args] { RunEntities(g, *entities_args); });

  auto explain_args = std::make_shared<ExplainArgs>();
  CLI::App* explain = app.add_subcommand(
      "explain", "the facts about an entity, with their support");
  explain->add_option("ENTITY", explain_args->entity, "name or alias")
      ->required();
  explain->add_option("--base", explain_args->base, "base IRI")
      ->capture_default_str();
  explain->callback([&g, explain_args] { RunExplain(g, *explain_args); });

  auto why_args = std::make_shared<WhyArgs>();
  CLI::App* why = app.add_subcommand(
      "why", "the support of one fact: documents, sentences, confidence");
  why->add_option("SUBJECT", why_args->subject, "entity name")->required();
  why->add_option("PREDICATE", why_args->predicate,
                  "relation (welcome, focus on) or role/country/affiliation")
      ->required();
  why->add_option("OBJECT", why_args->object, "entity name or literal text")
      ->required();
  why->add_option("--base", why_args->base, "base IRI")->capture_default_str();
  why->callback([&g, why_args] { RunWhy(g, *why_args); });
}

}  // namespace kg::cli
