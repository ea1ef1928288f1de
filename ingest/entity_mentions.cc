#include "ingest/entity_mentions.h"

#include <algorithm>
#include <cctype>

#include "ingest/entity_names.h"
#include "ingest/entity_types.h"
#include "ingest/wordnet.h"

namespace kg {
namespace {

// The first code point is an upper-case letter (ASCII, Latin-1/Extended-A,
// Greek, Cyrillic), or a digit followed by such a letter ("G20" is not, "3M"
// is). Scripts without case never look like names.
bool Capitalised(const std::string& form) {
  if (form.empty()) return false;
  auto c0 = static_cast<unsigned char>(form[0]);
  if (c0 < 0x80) return std::isupper(c0) != 0;
  if (form.size() < 2) return false;
  unsigned cp =
      ((c0 & 0x1F) << 6) | (static_cast<unsigned char>(form[1]) & 0x3F);
  if ((c0 & 0xE0) != 0xC0) return false;  // 3- and 4-byte scripts have no case
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return true;  // À..Þ
  if (cp >= 0x100 && cp <= 0x17F) return cp % 2 == 0;       // Ā, Ć, Ł, Š...
  if (cp >= 0x391 && cp <= 0x3A9) return true;              // Greek
  if (cp >= 0x400 && cp <= 0x42F) return true;              // Cyrillic
  return false;
}

// Verbs whose subject is someone speaking.
bool IsSpeechVerb(const std::string& form) {
  static const char* kVerbs[] = {
      "said",  "says",    "say",      "told",      "tells",     "added",
      "adds",  "stated",  "states",   "announced", "explained", "noted",
      "wrote", "writes",  "tweeted",  "commented", "argued",    "claimed",
      "asked", "replied", "insisted", "warned",    "confirmed", "denied"};
  for (const char* v : kVerbs) {
    if (form == v) return true;
  }
  return false;
}

// Words before a month that make it a date: "in March", "until May".
bool IsTimeWord(const std::string& w) {
  return w == "in" || w == "since" || w == "until" || w == "till" ||
         w == "by" || w == "during" || w == "before" || w == "after" ||
         w == "early" || w == "late" || w == "last" || w == "next" ||
         w == "through" || w == "mid";
}

bool IsNameParticle(std::string_view w) {
  return w == "de" || w == "van" || w == "von" || w == "da" || w == "di" ||
         w == "del" || w == "der" || w == "den" || w == "la" || w == "le" ||
         w == "bin" || w == "ibn" || w == "al" || w == "dos" || w == "das";
}

std::string LowerCopy(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// A capitalised word for a party member ("Republican", "Democrat"): a
// WordNet noun.person sense, not an instance, under "politician", whose
// capitalised member is the word.
bool IsPersonClassWord(const std::string& form) {
  if (form.empty() || !std::isupper(static_cast<unsigned char>(form[0]))) {
    return false;
  }
  auto senses = wordnet::NounSenses(form);
  for (const NounSense& sense : *senses) {
    if (sense.lexname != "noun.person" || sense.instance) continue;
    // Party members only: "Maya", "Gemini" and "Arab" are kinds of people
    // too, but lead names of their own ("Gemini Planet Imager").
    if (std::find(sense.hypernyms.begin(), sense.hypernyms.end(),
                  "politician") == sense.hypernyms.end()) {
      continue;
    }
    for (const std::string& member : sense.synonyms) {
      if (member == form) return true;
    }
  }
  return false;
}

// A common noun for a kind of people ("workers", "sheriff", "people"), by its
// WordNet senses.
bool IsKindOfPeople(const std::string& form) {
  std::string lower = LowerCopy(form);
  std::string lemma = wordnet::Lemma(lower, PartOfSpeech::kNoun);
  auto senses = wordnet::NounSenses(lemma);
  for (const NounSense& sense : *senses) {
    // noun.group also holds "state", "party" and "command", which own
    // organisations of their own; of its words only "people" is kept.
    if (sense.lexname != "noun.person" &&
        !(sense.lexname == "noun.group" && lemma == "people")) {
      continue;
    }
    for (const std::string& member : sense.synonyms) {
      if (member == lemma) return true;
    }
  }
  return false;
}

class Finder {
 public:
  Finder(const Sentence& s, int index, const std::vector<DateSpan>& dates)
      : s_(s),
        t_(s.tokens),
        n_(static_cast<int>(s.tokens.size())),
        index_(index),
        excluded_(n_, false) {
    for (const DateSpan& d : dates) {
      for (int i = d.first; i <= d.last && i < n_; ++i) excluded_[i] = true;
    }
    // A weekday alone is a date even where it can't be resolved (no article
    // date), never a name; "Good Friday" stays a name.
    for (int i = 0; i < n_; ++i) {
      bool in_name = (i > 0 && t_[i - 1].upos == "PROPN") ||
                     (i + 1 < n_ && t_[i + 1].upos == "PROPN");
      if (WeekdayNumber(t_[i].form) >= 0 && !in_name) excluded_[i] = true;
      // "in March", "until May": a month after a time word is a date.
      if (MonthNumber(t_[i].form) > 0 && !in_name && i > 0 &&
          IsTimeWord(LowerCopy(t_[i - 1].form))) {
        excluded_[i] = true;
      }
    }
  }

  std::vector<Mention> Run() {
    for (int i = 0; i < n_;) {
      int end = RunEnd(i);
      if (end < 0) {
        MaybeSingle(i);
        ++i;
        continue;
      }
      int begin = ExtendLeft(i, end);
      SplitRun(begin, end);
      i = end + 1;
    }
    return std::move(out_);
  }

 private:
  bool NameToken(int i) const {
    if (i < 0 || i >= n_ || excluded_[i]) return false;
    const Token& tok = t_[i];
    if (!Capitalised(tok.form)) return false;
    return tok.upos == "PROPN" || tok.upos == "NOUN" || tok.upos == "ADJ" ||
           tok.upos == "X";
  }

  // The last token of a name run starting at i (which must contain a PROPN),
  // or -1.
  int RunEnd(int i) const {
    if (!NameToken(i)) return -1;
    int j = i;
    bool propn = t_[i].upos == "PROPN";
    while (true) {
      if (NameToken(j + 1)) {
        ++j;
        propn |= t_[j].upos == "PROPN";
        continue;
      }
      // "Bill de Blasio", "Vincent van Gogh": a lower-case particle between
      // capitalised words.
      if (j + 2 < n_ && IsNameParticle(t_[j + 1].form) && NameToken(j + 2) &&
          !excluded_[j + 1]) {
        j += 2;
        propn |= t_[j].upos == "PROPN";
        continue;
      }
      // "Dockworkers' Union", "People's Party", "Sheriff's Office": a
      // possessive inside an organisation's name when the owner is a kind
      // of people, not a name of its own ("Iran's Quds Force").
      if (j + 2 < n_ &&
          (t_[j + 1].form == "'" || t_[j + 1].form == "'s" ||
           t_[j + 1].form == "\xE2\x80\x99s") &&
          NameToken(j + 2) && IsOrganizationWord(t_[RunTail(j + 2)].form) &&
          IsKindOfPeople(t_[j].form)) {
        j += 2;
        continue;
      }
      // "Ministry of Foreign Affairs", "Republic of Armenia".
      if (j + 2 < n_ && LowerCopy(t_[j + 1].form) == "of" &&
          (IsOrganizationWord(t_[j].form) || IsLocationWord(t_[j].form)) &&
          t_[j + 2].upos == "PROPN" && !excluded_[j + 2]) {
        j += 2;
        propn = true;
        continue;
      }
      // "Secretary of State Mike Pompeo": a title with its "of" complement
      // before a name of two or more words (SplitRun takes the title apart).
      if (TitleOfBeforeName(j)) {
        j += 2;
        propn = true;
        continue;
      }
      break;
    }
    return propn ? j : -1;
  }

  // Token j is a title word followed by "of", a capitalised complement and
  // a name: at least three name tokens after "of".
  bool TitleOfBeforeName(int j) const {
    return j + 4 < n_ && IsTitleWord(t_[j].form) &&
           LowerCopy(t_[j + 1].form) == "of" && NameToken(j + 2) &&
           RunTail(j + 2) - (j + 2) >= 2;
  }

  // The last of the capitalised name tokens from i on.
  int RunTail(int i) const {
    while (NameToken(i + 1)) ++i;
    return i;
  }

  // Lower-case titles before a name: "prime minister Nikol Pashinyan".
  int ExtendLeft(int begin, int end) const {
    int b = begin;
    while (b - 1 >= 0 && !excluded_[b - 1] &&
           (t_[b - 1].upos == "NOUN" || t_[b - 1].upos == "ADJ") &&
           (IsTitleWord(t_[b - 1].form) || IsTitleModifier(t_[b - 1].form)) &&
           t_[b - 1].head - 1 >= b - 1 && t_[b - 1].head - 1 <= end) {
      --b;
    }
    // A modifier alone is not a title.
    while (b < begin && !IsTitleWord(t_[b].form)) {
      bool any_title = false;
      for (int k = b; k < begin; ++k) any_title |= IsTitleWord(t_[k].form);
      if (any_title) break;
      ++b;
    }
    return b;
  }

  std::string Text(int first, int last) const {
    std::string out;
    for (int i = first; i <= last; ++i) {
      if (!out.empty() && i > first && t_[i - 1].space_after) out += ' ';
      out += t_[i].form;
    }
    return NormaliseName(out);
  }

  int HeadOf(int first, int last) const {
    for (int i = last; i >= first; --i) {
      int h = t_[i].head - 1;
      if (h < first || h > last) return i;
    }
    return last;
  }

  bool IsSubject(int first, int last) const {
    int h = HeadOf(first, last);
    return t_[h].deprel.rfind("nsubj", 0) == 0;
  }

  // The subject of "said", "told", ...
  bool IsSpeaker(int first, int last) const {
    int h = HeadOf(first, last);
    int verb = t_[h].head - 1;
    return t_[h].deprel == "nsubj" && verb >= 0 && verb < n_ &&
           IsSpeechVerb(t_[verb].form);
  }

  static bool IsArticle(const std::string& form) {
    return form == "the" || form == "a" || form == "an";
  }

  // The name heads the object of a preposition that places something: "in
  // Juba", "near Caboolture" (not "at" or "from", which take organisations
  // and people as often); or names a place word's place: "the village of
  // Ostby", "the province of Eastmarch".
  bool IsLocative(int first, int last) const {
    int h = HeadOf(first, last);
    const std::string& rel = t_[h].deprel;
    if (rel.rfind("obl", 0) != 0 && rel.rfind("nmod", 0) != 0) return false;
    int governor = t_[h].head - 1;
    for (int i = 0; i < h; ++i) {
      if (t_[i].head - 1 != h || t_[i].deprel != "case") continue;
      std::string p = LowerCopy(t_[i].form);
      if (p == "in" || p == "near" || p == "outside" || p == "inside" ||
          p == "across" || p == "throughout" || p == "within") {
        return true;
      }
      if (p == "of" && rel.rfind("nmod", 0) == 0 && governor >= 0 &&
          governor < n_ && t_[governor].upos == "NOUN" &&
          IsLocationWord(t_[governor].form)) {
        return true;
      }
    }
    return false;
  }

  // The name heads a relative clause whose relative pronoun is "which".
  bool HasWhichClause(int first, int last) const {
    int h = HeadOf(first, last);
    for (int c = h + 1; c < n_; ++c) {
      if (t_[c].head - 1 != h || t_[c].deprel != "acl:relcl") continue;
      for (int r = h + 1; r < c; ++r) {
        if (t_[r].head - 1 == c && LowerCopy(t_[r].form) == "which") {
          return true;
        }
      }
    }
    return false;
  }

  // A news dateline: the name opens the sentence and is followed by a comma
  // and a date ("HARWICK, 2 April 2025 - ...", "Marenport, May 9 -").
  bool IsDateline(int first, int last) const {
    return first == 0 && last + 2 < n_ && t_[last + 1].form == "," &&
           excluded_[last + 2];
  }

  int Add(Mention m) {
    m.sentence = index_;
    out_.push_back(std::move(m));
    return static_cast<int>(out_.size()) - 1;
  }

  // A name (or part of a run) as its own mention, typed by its words.
  int AddName(int first, int last, int span_first, int span_last) {
    Mention m;
    m.kind = MentionKind::kName;
    m.first = first;
    m.last = last;
    m.span_first = span_first;
    m.span_last = span_last;
    m.text = Text(first, last);
    if (m.text.empty()) return -1;
    m.type = TypeOfName(m.text);
    m.subject = IsSubject(span_first, span_last);
    m.speaker = IsSpeaker(span_first, span_last);
    m.determiner = span_first > 0 && IsArticle(t_[span_first - 1].form) &&
                   t_[span_first - 1].deprel == "det" &&
                   t_[span_first - 1].head - 1 == HeadOf(first, last);
    m.locative = IsLocative(first, last);
    m.which = HasWhichClause(first, last);
    if (IsDateline(first, last)) {
      m.dateline = true;
      m.type = EntityType::kLocation;
    }
    if (first >= 2 && t_[first - 1].form == "(" && !out_.empty() &&
        out_.back().kind == MentionKind::kName &&
        out_.back().last == first - 2) {
      m.parenthesis_of = static_cast<int>(out_.size()) - 1;
    }
    return Add(std::move(m));
  }

  void SplitRun(int begin, int end) {
    // The last title phrase that is followed by a name.
    int title_first = -1, title_last = -1;
    for (int i = begin; i < end; ++i) {
      if (!IsTitleWord(t_[i].form)) continue;
      int a = i, b = i;
      while (a - 1 >= begin &&
             (IsTitleModifier(t_[a - 1].form) || IsTitleWord(t_[a - 1].form))) {
        --a;
      }
      while (b + 1 < end &&
             (IsTitleModifier(t_[b + 1].form) || IsTitleWord(t_[b + 1].form))) {
        ++b;
      }
      // "Minister of Foreign Affairs Ararat Mirzoyan": the complement runs to
      // the last two words, the name.
      if (TitleOfBeforeName(b) && end - 2 > b + 1) b = end - 2;
      title_first = a;
      title_last = b;
      i = b;
    }
    if (title_first < 0) {
      // A title run alone ("the Prime Minister") is a role description.
      if (AllTitle(begin, end)) {
        AddRoleDescription(begin, end);
        return;
      }
      // "Republican Kevin McCarthy": a word for a kind of person (a party
      // member, a believer) before a person's name is a description.
      if (end - begin >= 2 && IsPersonClassWord(t_[begin].form) &&
          LooksLikePersonName(Text(begin + 1, end))) {
        int name = AddName(begin + 1, end, begin, end);
        if (name >= 0) {
          out_[name].role = t_[begin].form;
          out_[name].type = EntityType::kPerson;
        }
        return;
      }
      AddName(begin, end, begin, end);
      return;
    }
    // "King Abdullah University": the title word starts an institution name.
    if (end > title_last + 1 &&
        (IsOrganizationWord(t_[end].form) || IsLocationWord(t_[end].form))) {
      AddName(begin, end, begin, end);
      return;
    }
    int name = AddName(title_last + 1, end, begin, end);
    if (name < 0) return;
    out_[name].role = TitleCase(title_first, title_last);
    out_[name].type = EntityType::kPerson;
    // What precedes the title: demonyms and names of places / organisations.
    for (int i = begin; i < title_first;) {
      std::string place = t_[i].upos == "ADJ" || t_[i].upos == "PROPN"
                              ? DemonymPlace(t_[i].form)
                              : std::string();
      if (!place.empty() && t_[i].upos == "ADJ") {
        Mention m;
        m.kind = MentionKind::kImplicitPlace;
        m.first = m.last = i;
        m.span_first = begin;
        m.span_last = end;
        m.text = place;
        m.type = EntityType::kLocation;
        out_[name].country = Add(std::move(m));
        ++i;
        continue;
      }
      int j = i;
      while (j + 1 < title_first && t_[j + 1].upos == "PROPN") ++j;
      if (t_[i].upos == "PROPN" || Capitalised(t_[i].form)) {
        int sub = AddName(i, j, begin, end);
        if (sub >= 0) {
          if (!place.empty()) {
            out_[sub].text = place;
            out_[sub].kind = MentionKind::kImplicitPlace;
            out_[sub].type = EntityType::kLocation;
          }
          if (out_[sub].type == EntityType::kLocation) {
            out_[name].country = sub;
          } else {
            if (!out_[sub].type) out_[sub].type = EntityType::kOrganization;
            out_[name].affiliation = sub;
          }
        }
      }
      i = j + 1;
    }
  }

  bool AllTitle(int begin, int end) const {
    bool title = false;
    for (int i = begin; i <= end; ++i) {
      if (IsTitleWord(t_[i].form)) {
        title = true;
      } else if (!IsTitleModifier(t_[i].form)) {
        return false;
      }
    }
    return title;
  }

  std::string TitleCase(int first, int last) const {
    std::string out;
    for (int i = first; i <= last; ++i) {
      std::string w = t_[i].form;
      if (!w.empty() && LowerCopy(w) != "of")
        w[0] =
            static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
      if (!out.empty()) out += ' ';
      out += w;
    }
    return out;
  }

  // "the Prime Minister", "the President of Azerbaijan".
  void AddRoleDescription(int begin, int end) {
    // A title alone without "the" ("Mayor", "President") names nobody.
    if (begin == 0 || LowerCopy(t_[begin - 1].form) != "the") return;
    Mention m;
    m.kind = MentionKind::kRoleDescription;
    m.first = begin;
    m.last = end;
    m.span_first = begin;
    m.span_last = end;
    m.role = TitleCase(begin, end);
    m.text = m.role;
    m.type = EntityType::kPerson;
    m.subject = IsSubject(begin, end);
    int self = Add(std::move(m));
    if (end + 2 < n_ && LowerCopy(t_[end + 1].form) == "of" &&
        NameToken(end + 2)) {
      int e2 = RunEnd(end + 2);
      if (e2 >= 0) {
        int of = AddName(end + 2, e2, end + 2, e2);
        if (of >= 0) {
          out_[self].of_name = of;
          out_[self].span_last = e2;
        }
      }
      skip_to_ = e2;
    }
  }

  // Pronouns and lower-case role descriptions outside name runs.
  void MaybeSingle(int i) {
    if (i <= skip_to_) return;
    const Token& tok = t_[i];
    if (tok.upos == "PRON" || tok.upos == "DET") {
      Mention m;
      m.first = m.last = m.span_first = m.span_last = i;
      m.text = tok.form;
      m.subject = tok.deprel.rfind("nsubj", 0) == 0;
      if (IsPersonPronoun(tok.form)) {
        m.kind = MentionKind::kPersonPronoun;
        m.type = EntityType::kPerson;
        Add(std::move(m));
      } else if (IsThingPronoun(tok.form)) {
        m.kind = MentionKind::kThingPronoun;
        Add(std::move(m));
      }
      return;
    }
    if (tok.upos == "NOUN" && IsTitleWord(tok.form) && i > 0) {
      int a = i;
      while (a - 1 >= 0 && IsTitleModifier(t_[a - 1].form)) --a;
      int b = i;
      while (b + 1 < n_ && t_[b + 1].upos == "NOUN" &&
             IsTitleWord(t_[b + 1].form))
        ++b;
      if (a > 0 && LowerCopy(t_[a - 1].form) == "the" &&
          !(b + 1 < n_ && NameToken(b + 1))) {
        AddRoleDescription(a, b);
      }
    }
  }

  const Sentence& s_;
  const std::vector<Token>& t_;
  int n_;
  int index_;
  std::vector<bool> excluded_;
  std::vector<Mention> out_;
  int skip_to_ = -1;
};

}  // namespace

std::string NormaliseName(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  for (std::string_view suffix : {"'s", "\xE2\x80\x99s", "'", "\xE2\x80\x99"}) {
    if (out.size() > suffix.size() &&
        out.compare(out.size() - suffix.size(), suffix.size(), suffix) == 0) {
      out.resize(out.size() - suffix.size());
      break;
    }
  }
  while (!out.empty() && std::ispunct(static_cast<unsigned char>(out.back())) &&
         out.back() != '.' && out.back() != ')') {
    out.pop_back();
  }
  while (!out.empty() &&
         std::ispunct(static_cast<unsigned char>(out.front()))) {
    out.erase(0, 1);
  }
  if (out.size() > 4 &&
      (out.compare(0, 4, "the ") == 0 || out.compare(0, 4, "The ") == 0)) {
    out.erase(0, 4);
  }
  return out;
}

std::vector<Mention> FindMentions(const Sentence& sentence, int sentence_index,
                                  const std::vector<DateSpan>& dates) {
  return Finder(sentence, sentence_index, dates).Run();
}

}  // namespace kg
