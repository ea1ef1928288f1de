// WordNetIndex: WordNet's word lists held in memory, for the tagger's and the
// parser's features, which ask about the unseen words and the nouns of every
// sentence — too often for libwordnet's on-disk binary searches
// (ingest/wordnet.h). It answers two questions: in which parts of speech
// WordNet has a word, directly or through its morphology (the exception lists,
// then the suffix rules of morphy(7WN)), and the lexicographer class of a
// noun's most frequent sense ("noun.time", "noun.location", ...). Both are
// features of the committed model: changing what they answer changes its
// input, so a change here needs a retrained model.
//
// Loaded once per process from wordnet::Directory() (index.*, *.exc and
// data.noun, ~65 ms); lookups are binary searches over sorted arrays of
// 64-bit hashes of the lower-cased words (~1.5 MB for WordNet 3.0's 155,287
// lemmas and 6,053 exceptions).
// Thread-safety: Get() and every method may be called from any thread.
// Failure: when the database is missing or unreadable the index is empty
// (every word unknown) and status() says why; nothing throws.
#ifndef KG_INGEST_WORDNET_INDEX_H_
#define KG_INGEST_WORDNET_INDEX_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "storage/status.h"

namespace kg {

class WordNetIndex {
 public:
  // Bits of PartsOfSpeech().
  static constexpr int kNoun = 1, kVerb = 2, kAdjective = 4, kAdverb = 8;

  // The process-wide index, loaded on first use.
  static const WordNetIndex& Get();
  // Loads from `dir` (tests; Get() uses wordnet::Directory()).
  explicit WordNetIndex(const std::string& dir);

  const Status& status() const { return status_; }
  // The parts of speech WordNet has `word` in (any case), as a bit set.
  int PartsOfSpeech(std::string_view word) const;
  // The lexicographer class of the first sense of `word` as a noun, or ""
  // when WordNet has no such noun.
  std::string_view NounClass(std::string_view word) const;
  // Number of words (lemmas) over the four parts of speech.
  size_t size() const;

 private:
  struct Pos {
    std::vector<uint64_t> words;  // sorted hashes of lemmas
    std::vector<std::pair<uint64_t, uint64_t>> exceptions;  // sorted
  };
  // Index in pos_[p].words of the lemma with this hash, or -1.
  int64_t Find(int p, uint64_t hash) const;
  // Index of the first lemma `lower` reaches in part of speech p: itself,
  // an exception's base, then the suffix rules' bases; -1 when none.
  int64_t Resolve(int p, const std::string& lower) const;
  Status Load(const std::string& dir);

  Status status_;
  Pos pos_[4];                            // noun, verb, adjective, adverb
  std::vector<uint8_t> noun_class_;       // per pos_[0].words entry
  std::vector<std::string> class_names_;  // lexicographer file names
};

}  // namespace kg

#endif  // KG_INGEST_WORDNET_INDEX_H_
