#include "ingest/document_builder.h"

#include <cctype>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "ingest/coref.h"
#include "ingest/dates.h"
#include "ingest/document_mentions.h"
#include "ingest/entity_mentions.h"
#include "ingest/entity_phrases.h"
#include "ingest/vocabulary.h"

namespace kg {
namespace {

constexpr size_t kMaxConceptTokens = 12;
// Prepositional links inside noun phrases are read straight off the tree;
// ranked below a typical clause extraction.
constexpr double kNominalConfidence = 0.4;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

bool IsDeterminer(std::string_view w) {
  static const std::unordered_set<std::string> kDets = {
      "the", "a",   "an",  "this", "that", "these", "those", "its",  "their",
      "his", "her", "our", "my",   "your", "some",  "any",   "both", "such"};
  return kDets.count(Lower(w)) > 0;
}

// "1,000" → "1000", "4.25" → "4.25"; nullopt for anything but a plain number.
std::optional<std::string> Number(std::string_view text) {
  std::string out;
  bool digit = false, point = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      out += c;
      digit = true;
    } else if (c == ',' && digit && !point) {
      continue;  // thousands separator
    } else if (c == '.' && digit && !point) {
      out += c;
      point = true;
    } else if (c == '-' && i == 0) {
      out += c;
    } else {
      return std::nullopt;
    }
  }
  if (!digit || out.back() == '.') return std::nullopt;
  return out;
}

std::string Decimal(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

// Everything about one document while it is being built.
class Builder {
 public:
  Builder(const Article& article, const std::vector<Sentence>& sentences,
          const std::vector<std::vector<Extraction>>& extractions,
          const BuildOptions& options)
      : article_(article),
        sentences_(sentences),
        extractions_(extractions),
        options_(options),
        vocab_(options.base_iri) {}

  DocumentInput Build() {
    doc_.id = article_.id;
    doc_.content_hash = ContentHash(article_);
    doc_.title = article_.title;
    doc_.date = article_.date;
    doc_.source = article_.source;
    FindAllMentions();
    coref_ = ResolveCoreference(mentions_);
    for (size_t s = 0; s < sentences_.size() && s < extractions_.size(); ++s) {
      for (size_t k = 0; k < extractions_[s].size(); ++k) {
        AddExtraction(static_cast<int>(s), static_cast<int>(k),
                      extractions_[s][k]);
      }
      AddNominalLinks(static_cast<int>(s));
    }
    AddRoles();
    AddEntities();
    return std::move(doc_);
  }

 private:
  void FindAllMentions() {
    DocumentMentions found = FindDocumentMentions(sentences_, article_.date);
    mentions_ = std::move(found.mentions);
    sentence_mentions_ = std::move(found.by_sentence);
    dates_ = std::move(found.dates);
    named_.resize(sentences_.size());
    for (size_t s = 0; s < sentences_.size(); ++s) {
      named_[s].assign(sentences_[s].tokens.size(), false);
      for (int i : sentence_mentions_[s]) {
        const Mention& m = mentions_[i];
        if (m.kind != MentionKind::kName) continue;
        for (int k = m.first; k <= m.last; ++k) named_[s][k] = true;
      }
    }
  }

  // The entity an argument refers to: a mention containing its head token.
  int EntityOfToken(int s, int token) const {
    int best = -1;
    for (int i : sentence_mentions_[s]) {
      const Mention& m = mentions_[i];
      if (m.kind == MentionKind::kImplicitPlace) continue;
      if (token >= m.first && token <= m.last) return coref_.entity_of[i];
      if (best < 0 && token >= m.span_first && token <= m.span_last &&
          !m.role.empty()) {
        best = coref_.entity_of[i];
      }
    }
    return best;
  }

  int ArgumentHead(const Argument& arg) const {
    if (arg.head >= 0) return arg.head;
    return arg.tokens.empty() ? -1 : arg.tokens.back();
  }

  std::optional<Term> SubjectTerm(int s, const Argument& arg) {
    int head = ArgumentHead(arg);
    if (head < 0) return std::nullopt;
    int e = EntityOfToken(s, head);
    if (e >= 0) return EntityTerm(e);
    const Token& tok = sentences_[s].tokens[head];
    if ((tok.upos != "NOUN" && tok.upos != "PROPN") ||
        arg.tokens.size() > kMaxConceptTokens) {
      return std::nullopt;
    }
    std::string name = ConceptPhrase(sentences_[s], head, named_[s]);
    if (name.empty()) name = ConceptName(arg);
    if (name.empty()) return std::nullopt;
    return EntityTerm(ConceptEntity(name));
  }

  // "a settlement between Yerevan and Baku": the noun's concept is linked to
  // each entity its prepositional modifiers name.
  void AddNominalLinks(int s) {
    for (const NominalLink& link : NominalLinks(sentences_[s])) {
      int e = EntityOfToken(s, link.target);
      if (e < 0 || !named_[s][link.target]) continue;
      std::string name = ConceptPhrase(sentences_[s], link.noun, named_[s]);
      if (name.empty()) continue;
      Term subject = EntityTerm(ConceptEntity(name));
      Term predicate = vocab_.Relation(link.preposition);
      Add({predicate, Vocabulary::RdfsLabel(),
           Term::Literal(link.preposition)});
      std::string position = "n";
      position += std::to_string(link.noun);
      position += '.';
      position += std::to_string(link.target);
      AddFact(s, position, {subject, predicate, EntityTerm(e)},
              kNominalConfidence, options_.extractor + ":np-prep", std::nullopt,
              std::nullopt, "");
    }
  }

  std::optional<Term> ObjectTerm(int s, const Argument& arg) {
    int head = ArgumentHead(arg);
    if (head >= 0) {
      int e = EntityOfToken(s, head);
      if (e >= 0) return EntityTerm(e);
      if (auto date = DateAt(s, head)) {
        return Term::Typed(date->lexical, date->datatype);
      }
      const Token& tok = sentences_[s].tokens[head];
      if (tok.upos == "PRON") return std::nullopt;  // unresolved pronoun
    }
    if (arg.text.empty()) return std::nullopt;
    if (std::optional<std::string> number = Number(arg.text)) {
      return Term::Typed(*number, std::string(kXsdNs) + "decimal");
    }
    return Term::Literal(arg.text);
  }

  std::optional<DateValue> DateAt(int s, int token) const {
    for (const DateSpan& d : dates_[s]) {
      if (token >= d.first && token <= d.last) return d.value;
    }
    return std::nullopt;
  }

  std::string ConceptName(const Argument& arg) const {
    std::string text = arg.text;
    while (true) {
      auto space = text.find(' ');
      if (space == std::string::npos || !IsDeterminer(text.substr(0, space))) {
        break;
      }
      text.erase(0, space + 1);
    }
    return NormaliseName(text);
  }

  int ConceptEntity(const std::string& name) {
    auto [it, inserted] = concepts_.emplace(
        Lower(name), static_cast<int>(coref_.entities.size()));
    if (inserted) {
      Entity e;
      e.canonical = name;
      e.scope = doc_.id;
      e.type = EntityType::kOther;
      coref_.entities.push_back(std::move(e));
    }
    // Concept nodes are phrases, not named mentions: they get no
    // <base>mentions.
    return it->second;
  }

  Term EntityTerm(int e) {
    used_.insert(e);
    return vocab_.Entity(coref_.entities[e].canonical,
                         coref_.entities[e].scope);
  }

  // Walks up from `token` to the predicate through tokens outside `blocked`;
  // true when it arrives within `max_steps`.
  bool AttachedTo(int s, int token, int predicate,
                  const std::unordered_set<int>& blocked, int max_steps) const {
    const auto& t = sentences_[s].tokens;
    int cur = token;
    for (int step = 0; step <= max_steps; ++step) {
      int h = t[cur].head - 1;
      if (h < 0) return false;
      if (h == predicate) return true;
      if (blocked.count(h)) return false;
      cur = h;
    }
    return false;
  }

  struct Qualifiers {
    std::optional<DateValue> date;
    std::optional<Term> location;
  };

  Qualifiers FindQualifiers(int s, const Extraction& x) {
    Qualifiers q;
    for (const Argument& arg : x.qualifiers) {
      for (int tok : arg.tokens) {
        if (!q.date) q.date = DateAt(s, tok);
      }
      int head = ArgumentHead(arg);
      if (!q.location && head >= 0) {
        int e = EntityOfToken(s, head);
        if (e >= 0 && coref_.entities[e].type == EntityType::kLocation) {
          q.location = EntityTerm(e);
        }
      }
    }
    if (x.predicate_token < 0) return q;
    // Modifiers the extractor left on nouns of the clause ("talks on
    // January 19"), outside the subject and objects.
    std::unordered_set<int> blocked(x.subject.tokens.begin(),
                                    x.subject.tokens.end());
    for (const Argument& o : x.objects)
      blocked.insert(o.tokens.begin(), o.tokens.end());
    const auto& t = sentences_[s].tokens;
    if (!q.date) {
      for (const DateSpan& d : dates_[s]) {
        int head = d.last;
        for (int i = d.first; i <= d.last; ++i) {
          int h = t[i].head - 1;
          if (h < d.first || h > d.last) head = i;
        }
        if (!blocked.count(head) &&
            AttachedTo(s, head, x.predicate_token, blocked, 2)) {
          q.date = d.value;
          break;
        }
      }
    }
    if (!q.location) {
      for (int i : sentence_mentions_[s]) {
        const Mention& m = mentions_[i];
        int e = coref_.entity_of[i];
        if (m.kind != MentionKind::kName || e < 0 ||
            coref_.entities[e].type != EntityType::kLocation ||
            blocked.count(m.last)) {
          continue;
        }
        bool place_prep = false;
        for (size_t c = 0; c < t.size(); ++c) {
          if (t[c].head - 1 == m.last && t[c].deprel == "case") {
            std::string p = Lower(t[c].form);
            place_prep = p == "in" || p == "at" || p == "to" || p == "near";
          }
        }
        if (place_prep &&
            AttachedTo(s, m.last, x.predicate_token, blocked, 1)) {
          q.location = EntityTerm(e);
          break;
        }
      }
    }
    return q;
  }

  void AddExtraction(int s, int k, const Extraction& x) {
    std::string lemma =
        x.relation_lemma.empty() ? Lower(x.relation) : x.relation_lemma;
    if (lemma.empty() || x.objects.empty()) return;
    std::optional<Term> subject = SubjectTerm(s, x.subject);
    if (!subject) return;
    Term predicate = vocab_.Relation(lemma);
    Add({predicate, Vocabulary::RdfsLabel(), Term::Literal(lemma)});
    Qualifiers q = FindQualifiers(s, x);
    for (size_t j = 0; j < x.objects.size(); ++j) {
      std::optional<Term> object = ObjectTerm(s, x.objects[j]);
      if (!object || *object == *subject) continue;
      std::string position = "e";
      position += std::to_string(k);
      position += '.';
      position += std::to_string(j);
      std::string rule = x.rule.empty() ? options_.extractor
                                        : options_.extractor + ":" + x.rule;
      AddFact(s, position, {*subject, predicate, *object}, x.confidence, rule,
              q.date, q.location, x.attributed_to);
    }
  }

  void AddFact(int s, const std::string& position, const Triple& triple,
               double confidence, const std::string& rule,
               const std::optional<DateValue>& date,
               const std::optional<Term>& location,
               const std::string& attributed_to) {
    Add(triple);
    const Sentence& sentence = sentences_[s];
    StatementRecord rec;
    Term st = vocab_.Statement(doc_.id, static_cast<uint32_t>(s), position);
    rec.id = st.value;
    rec.triple = triple;
    rec.document_id = doc_.id;
    rec.sentence = static_cast<uint32_t>(s);
    rec.begin = sentence.begin;
    rec.end = sentence.end;
    rec.extractor = rule;
    rec.confidence = confidence;
    doc_.statements.push_back(std::move(rec));
    if (!options_.reify) return;
    Add({st, Vocabulary::RdfType(), Vocabulary::RdfStatement()});
    Add({st, Vocabulary::RdfSubject(), triple.subject});
    Add({st, Vocabulary::RdfPredicate(), triple.predicate});
    Add({st, Vocabulary::RdfObject(), triple.object});
    Add({st, vocab_.Property("source"), Term::Literal(doc_.id)});
    Add({st, vocab_.Property("sentence"), Term::Literal(sentence.text)});
    Add({st, vocab_.Property("confidence"),
         Term::Typed(Decimal(confidence), std::string(kXsdNs) + "decimal")});
    if (date) {
      Add({st, vocab_.Property("date"),
           Term::Typed(date->lexical, date->datatype)});
    }
    if (location) Add({st, vocab_.Property("location"), *location});
    if (!attributed_to.empty()) {
      Add({st, vocab_.Property("attributedTo"), Term::Literal(attributed_to)});
    }
  }

  // role / country / affiliation facts, at the first mention that shows them.
  void AddRoles() {
    std::set<std::pair<int, std::string>> seen;
    for (size_t i = 0; i < mentions_.size(); ++i) {
      const Mention& m = mentions_[i];
      int e = coref_.entity_of[i];
      if (e < 0 || m.kind == MentionKind::kPersonPronoun ||
          m.kind == MentionKind::kThingPronoun) {
        continue;
      }
      std::string at = std::to_string(m.first);
      auto fact = [&](const char* what, const Term& object) {
        if (!seen.insert({e, std::string(what) + object.value}).second) return;
        Term p = vocab_.Property(what);
        Add({p, Vocabulary::RdfsLabel(), Term::Literal(what)});
        AddFact(m.sentence, std::string(what) + at, {EntityTerm(e), p, object},
                1.0, options_.extractor + ":np-" + what, std::nullopt,
                std::nullopt, "");
      };
      if (!m.role.empty()) fact("role", Term::Literal(m.role));
      const Entity& ent = coref_.entities[e];
      if (ent.country >= 0 && (m.country >= 0 || m.of_name >= 0)) {
        fact("country", EntityTerm(ent.country));
      }
      if (ent.affiliation >= 0 && (m.affiliation >= 0 || m.of_name >= 0)) {
        fact("affiliation", EntityTerm(ent.affiliation));
      }
    }
  }

  void AddEntities() {
    for (int e : std::set<int>(used_.begin(), used_.end())) {
      const Entity& ent = coref_.entities[e];
      Term t = vocab_.Entity(ent.canonical, ent.scope);
      Add({t, Vocabulary::RdfType(), vocab_.Class(ent.type)});
      Add({t, Vocabulary::RdfsLabel(), Term::Literal(ent.canonical)});
      for (const std::string& s : ent.surfaces) {
        if (s != ent.canonical)
          Add({t, vocab_.Property("alias"), Term::Literal(s)});
      }
      if (ent.mentions > 0) {
        Add({t, vocab_.Property("mentions"),
             Term::Typed(std::to_string(ent.mentions),
                         std::string(kXsdNs) + "integer")});
      }
    }
  }

  void Add(Triple t) { doc_.triples.push_back(std::move(t)); }

  const Article& article_;
  const std::vector<Sentence>& sentences_;
  const std::vector<std::vector<Extraction>>& extractions_;
  const BuildOptions& options_;
  Vocabulary vocab_;
  DocumentInput doc_;
  std::vector<Mention> mentions_;
  std::vector<std::vector<int>> sentence_mentions_;
  std::vector<std::vector<bool>> named_;  // per sentence: token in a name
  std::vector<std::vector<DateSpan>> dates_;
  Coreference coref_;
  std::map<std::string, int> concepts_;
  std::unordered_set<int> used_;
};

}  // namespace

std::string ContentHash(const Article& article) {
  uint64_t h = 1469598103934665603ULL;
  auto mix = [&h](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ULL;
    }
    h ^= 0xff;
    h *= 1099511628211ULL;
  };
  mix(article.title);
  mix(article.date);
  mix(article.text);
  char buf[24];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

DocumentInput BuildDocument(
    const Article& article, const std::vector<Sentence>& sentences,
    const std::vector<std::vector<Extraction>>& extractions,
    const BuildOptions& options) {
  return Builder(article, sentences, extractions, options).Build();
}

}  // namespace kg
