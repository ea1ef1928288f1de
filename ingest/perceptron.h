// AveragedPerceptron: the training-time multi-class perceptron over hashed
// features, with weight averaging (the "lazy" form: each weight keeps w and
// the running sum of clock * update, so the average is w - u / clock).
// Features are created only when updated; each keeps its non-zero classes
// contiguously. Export() averages, prunes and quantises into a WeightTable.
// Not thread-safe; one trainer owns one perceptron.
#ifndef KG_INGEST_PERCEPTRON_H_
#define KG_INGEST_PERCEPTRON_H_

#include <cstdint>
#include <vector>

#include "ingest/model_weights.h"

namespace kg {

class AveragedPerceptron {
 public:
  // REQUIRES: 0 < num_classes <= WeightTable::kMaxClasses.
  explicit AveragedPerceptron(int num_classes);

  int num_classes() const { return num_classes_; }
  size_t num_features() const { return rows_.size(); }

  // Adds the current (not averaged) weights to scores[0..num_classes).
  void Score(const uint64_t* keys, size_t n, float* scores) const;
  // Adds `delta` to the weight of class `cls` for every key.
  void Update(const uint64_t* keys, size_t n, int cls, float delta);
  // Call once per training instance (advances the averaging clock).
  void Tick() { ++clock_; }

  // The averaged weights, keeping at most `max_weights` of the largest
  // magnitude (ties may keep a few more), quantised to int16 with one scale.
  WeightTable Export(size_t max_weights) const;

 private:
  struct Entry {
    float w;
    float u;
    uint32_t cls;
  };
  struct Row {
    uint32_t begin;
    uint16_t size;
    uint16_t cap;
  };
  // Row id for `key`, or -1.
  int64_t Find(uint64_t key) const;
  uint32_t FindOrAdd(uint64_t key);
  void Grow();

  int num_classes_;
  double clock_ = 1;
  std::vector<uint64_t> slot_keys_;
  std::vector<uint32_t> slot_rows_;
  uint64_t mask_ = 0;
  std::vector<uint64_t> row_keys_;
  std::vector<Row> rows_;
  std::vector<Entry> entries_;
};

}  // namespace kg

#endif  // KG_INGEST_PERCEPTRON_H_
