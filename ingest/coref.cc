#include "ingest/coref.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <numeric>
#include <optional>
#include <unordered_map>

#include "ingest/entity_names.h"
#include "ingest/entity_types.h"

namespace kg {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// Clusters of mentions, merged with a union-find.
class Clusters {
 public:
  explicit Clusters(size_t n) : parent_(n) {
    std::iota(parent_.begin(), parent_.end(), 0);
  }
  int Find(int x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  // Keeps the earlier root so a cluster is named by its first mention.
  void Union(int a, int b) {
    a = Find(a);
    b = Find(b);
    if (a == b) return;
    if (b < a) std::swap(a, b);
    parent_[b] = a;
  }

 private:
  std::vector<int> parent_;
};

// Letters all upper case, at least two of them: "HARWICK", "NATO".
bool IsAllCaps(std::string_view s) {
  int letters = 0;
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (std::islower(u)) return false;
    if (std::isupper(u)) ++letters;
  }
  return letters >= 2;
}

// "NEW YORK" → "New York" (ASCII letters; other bytes kept).
std::string TitleCaseAscii(std::string_view s) {
  std::string out(s);
  bool start = true;
  for (char& c : out) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalpha(u)) {
      c = static_cast<char>(start ? std::toupper(u) : std::tolower(u));
      start = false;
    } else {
      start = c == ' ' || c == '-';
    }
  }
  return out;
}

bool IsNameKind(MentionKind k) {
  return k == MentionKind::kName || k == MentionKind::kImplicitPlace;
}

}  // namespace

Coreference ResolveCoreference(const std::vector<Mention>& mentions) {
  const int n = static_cast<int>(mentions.size());
  Clusters clusters(n);
  std::unordered_map<std::string, int> by_key;       // lower name → mention
  std::unordered_map<std::string, int> by_initials;  // initials → mention
  std::unordered_map<std::string, int> acronyms;     // acronym → mention

  auto person_like = [&](int i) {
    const Mention& m = mentions[i];
    return m.type == EntityType::kPerson ||
           (!m.type && LooksLikePersonName(m.text));
  };
  // A single word that may be a person's first or last name is resolved per
  // mention in step 2, so that two people sharing a surname stay apart.
  auto deferred = [&](int i) {
    const Mention& m = mentions[i];
    return m.kind == MentionKind::kName && Words(m.text).size() == 1 &&
           (!m.type || *m.type == EntityType::kPerson) && !IsAcronym(m.text) &&
           m.parenthesis_of < 0;
  };

  // 1. Names: same name, acronyms, parentheses, WordNet synonyms (not for
  // people: WordNet's "Kennedy" is one Kennedy).
  for (int i = 0; i < n; ++i) {
    const Mention& m = mentions[i];
    if (!IsNameKind(m.kind) || deferred(i)) continue;
    std::string key = Lower(m.text);
    std::optional<int> match;
    if (auto it = by_key.find(key); it != by_key.end()) match = it->second;
    if (!match && m.parenthesis_of >= 0) match = m.parenthesis_of;
    if (!match && IsAcronym(m.text)) {
      std::string bare;
      for (char c : m.text) {
        if (c != '.') bare.push_back(c);
      }
      if (auto it = by_initials.find(bare); it != by_initials.end()) {
        match = it->second;
      }
    }
    std::string initials = Initials(m.text);
    if (!match && !initials.empty()) {
      if (auto it = acronyms.find(initials); it != acronyms.end()) {
        match = it->second;
      }
    }
    std::string wn =
        person_like(i) ? std::string() : WordNetCanonical(m.text, m.type);
    if (!match && !wn.empty()) {
      if (auto it = by_key.find(Lower(wn)); it != by_key.end()) {
        match = it->second;
      }
    }
    if (match) clusters.Union(*match, i);
    by_key.emplace(key, i);
    if (!wn.empty()) by_key.emplace(Lower(wn), i);
    if (!initials.empty()) by_initials.emplace(initials, i);
    if (IsAcronym(m.text)) acronyms.emplace(m.text, i);
  }

  // 2. A single word that is the first or last word of a multi-word person
  // name of this document (never across documents) joins the nearest such
  // name before it, else the first after it; else the same word seen before.
  // Multi-word names that may be people's: typed Person, or untyped.
  std::vector<int> multi;
  for (int i = 0; i < n; ++i) {
    const Mention& m = mentions[i];
    if (m.kind == MentionKind::kName && Words(m.text).size() >= 2 &&
        (!m.type || *m.type == EntityType::kPerson) && !IsAcronym(m.text)) {
      multi.push_back(i);
    }
  }
  std::unordered_map<std::string, int> single;  // unresolved word → mention
  for (int i = 0; i < n; ++i) {
    if (!deferred(i)) continue;
    std::string w = Lower(mentions[i].text);
    int best = -1;
    for (int j : multi) {
      std::vector<std::string> words = Words(mentions[j].text);
      if (Lower(words.front()) != w && Lower(words.back()) != w) continue;
      if (j < i || best < 0) best = j;
      if (j > i) break;
    }
    if (best >= 0) {
      clusters.Union(best, i);
    } else if (auto it = by_key.find(w); it != by_key.end()) {
      clusters.Union(it->second, i);
    } else if (auto [it2, inserted] = single.emplace(w, i); !inserted) {
      clusters.Union(it2->second, i);
    }
  }

  // 2b. A multi-word name that ends a longer person name of the document:
  // "De La Fuente" → "Rocky De La Fuente".
  for (int i : multi) {
    std::vector<std::string> short_words = Words(mentions[i].text);
    int best = -1;
    for (int j : multi) {
      std::vector<std::string> words = Words(mentions[j].text);
      if (words.size() <= short_words.size()) continue;
      bool suffix = true;
      size_t off = words.size() - short_words.size();
      for (size_t k = 0; k < short_words.size() && suffix; ++k) {
        suffix = Lower(words[off + k]) == Lower(short_words[k]);
      }
      if (!suffix) continue;
      if (j < i || best < 0) best = j;
      if (j > i) break;
    }
    if (best >= 0) clusters.Union(best, i);
  }

  // 3. Entities from name clusters.
  Coreference out;
  out.entity_of.assign(n, -1);
  std::map<int, int> entity_of_root;
  for (int i = 0; i < n; ++i) {
    if (!IsNameKind(mentions[i].kind)) continue;
    int root = clusters.Find(i);
    auto [it, inserted] =
        entity_of_root.emplace(root, static_cast<int>(out.entities.size()));
    if (inserted) out.entities.emplace_back();
    out.entity_of[i] = it->second;
  }
  // Type, canonical name and surfaces of each entity.
  std::vector<std::vector<int>> members(out.entities.size());
  for (int i = 0; i < n; ++i) {
    if (out.entity_of[i] >= 0) members[out.entity_of[i]].push_back(i);
  }
  for (size_t e = 0; e < out.entities.size(); ++e) {
    Entity& ent = out.entities[e];
    std::optional<EntityType> type;
    bool titled = false, determiner = false, speaker = false;
    int locative = 0, names = 0;
    int longest = members[e].front();
    for (int i : members[e]) {
      const Mention& m = mentions[i];
      titled |= !m.role.empty();
      determiner |= m.determiner || m.which;
      locative += m.locative ? 1 : 0;
      names += m.kind == MentionKind::kName ? 1 : 0;
      speaker |= m.speaker;
      if (!type && m.type) type = m.type;
      size_t words = Words(m.text).size();
      size_t best = Words(mentions[longest].text).size();
      // The longest name; of equal ones, not the capitals of a dateline.
      if (words > best || (words == best && IsAllCaps(mentions[longest].text) &&
                           !IsAllCaps(m.text))) {
        longest = i;
      }
    }
    if (titled) type = EntityType::kPerson;
    // "in Juba", "near Grand Bahama": a name that places something in a third
    // of its mentions (half, when it could be a person's) and never speaks
    // is a place; a common word alone ("in Nature") is not.
    const std::string& name = mentions[longest].text;
    bool person_name = LooksLikePersonName(name);
    bool placed = locative > 0 && !speaker &&
                  locative * (person_name ? 2 : 3) >= names &&
                  !(Words(name).size() == 1 && IsCommonWord(name));
    if (!type && placed) type = EntityType::kLocation;
    // People take no article and no "which": "the Seagate Array", "Baltica
    // Rail, which operates the line" are things.
    if (!type && !determiner && person_name) type = EntityType::kPerson;
    if (!type && IsAcronym(mentions[longest].text)) {
      type = EntityType::kOrganization;  // "FSB", "NASA"
    }
    if (!type && Words(mentions[longest].text).size() == 1) {
      // "Callamard said": a lone name speaking is a person.
      for (int i : members[e]) {
        if (mentions[i].speaker) type = EntityType::kPerson;
      }
    }
    ent.type = type.value_or(EntityType::kOther);
    for (int i : members[e]) {
      if (ent.type == EntityType::kPerson) break;  // people: the longest name
      std::string wn = WordNetCanonical(mentions[i].text, ent.type);
      if (!wn.empty()) {
        ent.canonical = wn;
        break;
      }
    }
    if (ent.canonical.empty()) ent.canonical = mentions[longest].text;
    // A dateline's capitals are typography, not the name: "HARWICK" is
    // Harwick, the same entity as in an article that spells it so.
    if (IsAllCaps(ent.canonical) &&
        std::any_of(members[e].begin(), members[e].end(),
                    [&](int i) { return mentions[i].dateline; })) {
      ent.canonical = TitleCaseAscii(ent.canonical);
    }
    for (int i : members[e]) {
      const std::string& s = mentions[i].text;
      if (std::find(ent.surfaces.begin(), ent.surfaces.end(), s) ==
          ent.surfaces.end()) {
        ent.surfaces.push_back(s);
      }
    }
  }

  // 4. Roles, descriptions and pronouns in reading order.
  std::unordered_map<std::string, int> holder;     // lower role → entity
  std::unordered_map<std::string, int> described;  // "role of X" → entity
  int last_person = -1, last_person_sentence = -1;
  auto add_role = [&](int e, const std::string& role) {
    Entity& ent = out.entities[e];
    if (std::find(ent.roles.begin(), ent.roles.end(), role) ==
        ent.roles.end()) {
      ent.roles.push_back(role);
    }
    holder[Lower(role)] = e;
    std::vector<std::string> words = Words(role);
    if (words.size() > 1) holder[Lower(words.back())] = e;
  };
  for (int i = 0; i < n; ++i) {
    const Mention& m = mentions[i];
    int e = out.entity_of[i];
    if (m.kind == MentionKind::kImplicitPlace) {
      ++out.entities[e].mentions;  // "Armenian" mentions Armenia
      continue;
    }
    if (m.kind == MentionKind::kName) {
      ++out.entities[e].mentions;
      if (!m.role.empty()) add_role(e, m.role);
      if (m.country >= 0 && out.entity_of[m.country] >= 0) {
        out.entities[e].country = out.entity_of[m.country];
      }
      if (m.affiliation >= 0 && out.entity_of[m.affiliation] >= 0) {
        out.entities[e].affiliation = out.entity_of[m.affiliation];
      }
    } else if (m.kind == MentionKind::kRoleDescription) {
      std::string role = Lower(m.role);
      int of = m.of_name >= 0 ? out.entity_of[m.of_name] : -1;
      auto h = holder.find(role);
      if (h != holder.end() &&
          (of < 0 || out.entities[h->second].country == of ||
           out.entities[h->second].affiliation == of)) {
        e = h->second;
      } else if (of >= 0) {
        std::string name = m.role + " of " + out.entities[of].canonical;
        auto [it, inserted] = described.emplace(
            Lower(name), static_cast<int>(out.entities.size()));
        if (inserted) {
          Entity ent;
          ent.canonical = name;
          ent.type = EntityType::kPerson;
          ent.surfaces.push_back(name);
          if (out.entities[of].type == EntityType::kOrganization) {
            ent.affiliation = of;
          } else {
            ent.country = of;
          }
          out.entities.push_back(std::move(ent));
          add_role(it->second, m.role);
        }
        e = it->second;
      }
      out.entity_of[i] = e;
      if (e >= 0) ++out.entities[e].mentions;
    } else if (m.kind == MentionKind::kPersonPronoun) {
      if (last_person >= 0 && m.sentence - last_person_sentence <= 3) {
        out.entity_of[i] = last_person;
        ++out.entities[last_person].mentions;
      }
      continue;  // a pronoun is not a new antecedent
    } else if (m.kind == MentionKind::kThingPronoun) {
      // The most recent subject in this or the previous sentence.
      for (int j = i - 1; j >= 0 && m.sentence - mentions[j].sentence <= 1;
           --j) {
        if (!mentions[j].subject || mentions[j].kind != MentionKind::kName) {
          continue;
        }
        int cand = out.entity_of[j];
        EntityType t = out.entities[cand].type;
        if (t == EntityType::kOrganization || t == EntityType::kLocation) {
          out.entity_of[i] = cand;
          ++out.entities[cand].mentions;
        }
        break;
      }
      continue;
    }
    if (e >= 0 && out.entities[e].type == EntityType::kPerson) {
      last_person = e;
      last_person_sentence = m.sentence;
    }
  }
  return out;
}

}  // namespace kg
