#include "ingest/wordnet.h"

#include <wn.h>

#include <cctype>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <shared_mutex>
#include <unordered_map>
#include <unordered_set>

#ifndef KG_WORDNET_DICT
#define KG_WORDNET_DICT "/usr/share/wordnet"
#endif

namespace kg::wordnet {
namespace {

constexpr size_t kMaxKey = 200;  // libwordnet's buffers hold 256 bytes
constexpr int kMaxDepth = 20;

int Silent(char*) { return 0; }

// A read-mostly cache: lookups take a shared lock, inserts an exclusive one.
template <typename V>
class Cache {
 public:
  bool Get(const std::string& key, V* out) const {
    std::shared_lock lock(mu_);
    auto it = map_.find(key);
    if (it == map_.end()) return false;
    *out = it->second;
    return true;
  }
  void Put(const std::string& key, const V& value) {
    std::unique_lock lock(mu_);
    map_.emplace(key, value);
  }

 private:
  mutable std::shared_mutex mu_;
  std::unordered_map<std::string, V> map_;
};

struct LemmaEntry {
  std::string lemma;
  bool known = false;
};

struct State {
  std::string dir;
  Status status;
  std::mutex lib_mu;  // guards every call into libwordnet
  Cache<LemmaEntry> lemmas[5];
  Cache<std::shared_ptr<const std::vector<NounSense>>> senses;
  Cache<std::string> pertainyms;
};

State& GetState() {
  static State* state = [] {
    auto* s = new State;
    const char* env = std::getenv("WNSEARCHDIR");
    s->dir = env != nullptr && *env != '\0' ? env : KG_WORDNET_DICT;
    std::error_code ec;
    if (!std::filesystem::exists(s->dir + "/data.noun", ec)) {
      s->status =
          Status::NotFound("WordNet database not found in " + s->dir +
                           " (install wordnet-base or set WNSEARCHDIR)");
      return s;
    }
    // libwordnet reads the directory from the environment.
    if (env == nullptr || *env == '\0')
      setenv("WNSEARCHDIR", s->dir.c_str(), 0);
    display_message = Silent;
    if (wninit() != 0) {
      s->status =
          Status::IOError("cannot open the WordNet database in " + s->dir);
    }
    return s;
  }();
  return *state;
}

// Lower-cased, spaces as underscores: the form WordNet's indexes use.
std::string Key(std::string_view word) {
  std::string key;
  key.reserve(word.size());
  for (char c : word) {
    if (c == ' ') {
      key.push_back('_');
    } else {
      key.push_back(
          static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  return key;
}

std::string Readable(const char* w) {
  std::string out(w);
  for (char& c : out) {
    if (c == '_') c = ' ';
  }
  // Adjective entries may carry a syntactic marker: "galore(ip)".
  if (auto paren = out.find('('); paren != std::string::npos && paren > 0) {
    out.resize(paren);
  }
  return out;
}

// REQUIRES: lib_mu held.
LemmaEntry ComputeLemma(const std::string& key, int pos) {
  std::vector<char> buf(key.begin(), key.end());
  buf.push_back('\0');
  if (char* m = morphstr(buf.data(), pos)) return {Readable(m), true};
  buf.assign(key.begin(), key.end());
  buf.push_back('\0');
  if (IndexPtr idx = index_lookup(buf.data(), pos)) {
    free_index(idx);
    return {Readable(key.c_str()), true};
  }
  return {Readable(key.c_str()), false};
}

LemmaEntry LookupLemma(std::string_view word, PartOfSpeech pos) {
  State& s = GetState();
  std::string key = Key(word);
  if (!s.status.ok() || key.empty() || key.size() > kMaxKey) {
    return {Readable(key.c_str()), false};
  }
  int p = static_cast<int>(pos);
  LemmaEntry entry;
  if (s.lemmas[p].Get(key, &entry)) return entry;
  {
    std::lock_guard lock(s.lib_mu);
    entry = ComputeLemma(key, p);
  }
  s.lemmas[p].Put(key, entry);
  return entry;
}

// REQUIRES: lib_mu held.
void CollectOffsets(const std::string& key, int pos,
                    std::vector<unsigned long>* offsets) {
  std::vector<char> buf(key.begin(), key.end());
  buf.push_back('\0');
  std::unordered_set<unsigned long> seen(offsets->begin(), offsets->end());
  for (IndexPtr idx = getindex(buf.data(), pos); idx != nullptr;
       idx = getindex(nullptr, pos)) {
    for (int i = 0; i < idx->off_cnt; ++i) {
      if (seen.insert(idx->offset[i]).second) {
        offsets->push_back(idx->offset[i]);
      }
    }
    free_index(idx);
  }
}

// REQUIRES: lib_mu held.
NounSense ReadNounSense(unsigned long offset) {
  NounSense sense;
  SynsetPtr ss = read_synset(NOUN, static_cast<long>(offset), nullptr);
  if (ss == nullptr) return sense;
  for (int w = 0; w < ss->wcount; ++w) {
    sense.synonyms.push_back(Readable(ss->words[w]));
  }
  if (ss->fnum >= 0 && ss->fnum <= MAXFNUM) sense.lexname = lexfiles[ss->fnum];
  SynsetPtr cur = ss;
  for (int depth = 0; depth < kMaxDepth && cur != nullptr; ++depth) {
    long next = -1;
    for (int p = 0; p < cur->ptrcount; ++p) {
      if (cur->ptrtyp[p] == INSTANCE) {
        if (cur == ss) sense.instance = true;
        next = cur->ptroff[p];
        break;
      }
    }
    for (int p = 0; next < 0 && p < cur->ptrcount; ++p) {
      if (cur->ptrtyp[p] == HYPERPTR) next = cur->ptroff[p];
    }
    if (cur != ss) free_synset(cur);
    cur = nullptr;
    if (next < 0) break;
    cur = read_synset(NOUN, next, nullptr);
    if (cur != nullptr && cur->wcount > 0) {
      sense.hypernyms.push_back(Readable(cur->words[0]));
    }
  }
  if (cur != nullptr && cur != ss) free_synset(cur);
  free_synset(ss);
  return sense;
}

}  // namespace

Status Available() { return GetState().status; }

std::string Directory() { return GetState().dir; }

std::string Lemma(std::string_view word, PartOfSpeech pos) {
  return LookupLemma(word, pos).lemma;
}

bool Contains(std::string_view word, PartOfSpeech pos) {
  return LookupLemma(word, pos).known;
}

std::shared_ptr<const std::vector<NounSense>> NounSenses(
    std::string_view word) {
  State& s = GetState();
  std::string key = Key(word);
  static const auto kEmpty = std::make_shared<const std::vector<NounSense>>();
  if (!s.status.ok() || key.empty() || key.size() > kMaxKey) return kEmpty;
  std::shared_ptr<const std::vector<NounSense>> result;
  if (s.senses.Get(key, &result)) return result;
  auto senses = std::make_shared<std::vector<NounSense>>();
  {
    std::lock_guard lock(s.lib_mu);
    std::vector<unsigned long> offsets;
    CollectOffsets(key, NOUN, &offsets);
    if (offsets.empty()) {
      LemmaEntry base = ComputeLemma(key, NOUN);
      if (base.known && Key(base.lemma) != key) {
        CollectOffsets(Key(base.lemma), NOUN, &offsets);
      }
    }
    for (unsigned long off : offsets) senses->push_back(ReadNounSense(off));
  }
  result = senses;
  s.senses.Put(key, result);
  return result;
}

std::string Pertainym(std::string_view adjective) {
  State& s = GetState();
  std::string key = Key(adjective);
  if (!s.status.ok() || key.empty() || key.size() > kMaxKey) return "";
  std::string result;
  if (s.pertainyms.Get(key, &result)) return result;
  {
    std::lock_guard lock(s.lib_mu);
    std::vector<unsigned long> offsets;
    CollectOffsets(key, ADJ, &offsets);
    std::vector<char> buf(key.begin(), key.end());
    buf.push_back('\0');
    for (size_t i = 0; i < offsets.size() && result.empty(); ++i) {
      SynsetPtr ss =
          read_synset(ADJ, static_cast<long>(offsets[i]), buf.data());
      if (ss == nullptr) continue;
      for (int p = 0; p < ss->ptrcount && result.empty(); ++p) {
        if (ss->ptrtyp[p] != PERTPTR) continue;
        if (ss->pfrm[p] != 0 && ss->pfrm[p] != ss->whichword) continue;
        SynsetPtr target = read_synset(ss->ppos[p], ss->ptroff[p], nullptr);
        if (target == nullptr) continue;
        int to = ss->pto[p];
        if (to >= 1 && to <= target->wcount) {
          result = Readable(target->words[to - 1]);
        } else if (target->wcount > 0) {
          result = Readable(target->words[0]);
        }
        free_synset(target);
      }
      free_synset(ss);
    }
  }
  s.pertainyms.Put(key, result);
  return result;
}

}  // namespace kg::wordnet
