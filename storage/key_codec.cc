#include "storage/key_codec.h"

namespace kg {

std::string EncodeId(TermId id) {
  std::string out(8, '\0');
  PutBigEndian64(out.data(), id);
  return out;
}

IdTriple DecodeIndexKey(IndexKind kind, std::string_view key) {
  const uint64_t a = GetBigEndian64(key.data());
  const uint64_t b = GetBigEndian64(key.data() + 8);
  const uint64_t c = GetBigEndian64(key.data() + 16);
  switch (kind) {
    case IndexKind::kPos:
      return {c, a, b};
    case IndexKind::kOsp:
      return {b, c, a};
    case IndexKind::kSpo:
      break;
  }
  return {a, b, c};
}

ScanPlan PlanScan(TermId s, TermId p, TermId o) {
  // Bound positions must form a prefix of the chosen permutation:
  // s,sp,spo -> spo; p,po -> pos; o,os -> osp.
  ScanPlan plan;
  auto append = [&plan](TermId id) { plan.prefix += EncodeId(id); };
  const bool bs = s != kNoTerm, bp = p != kNoTerm, bo = o != kNoTerm;
  if (bs && (bp || !bo)) {
    plan.index = IndexKind::kSpo;
    append(s);
    if (bp) {
      append(p);
      if (bo) append(o);
    }
  } else if (bp) {
    plan.index = IndexKind::kPos;
    append(p);
    if (bo) append(o);
  } else if (bo) {
    plan.index = IndexKind::kOsp;
    append(o);
    if (bs) append(s);
  }
  return plan;
}

std::string PrefixSuccessor(std::string_view prefix) {
  std::string out(prefix);
  while (!out.empty()) {
    unsigned char last = static_cast<unsigned char>(out.back());
    if (last != 0xff) {
      out.back() = static_cast<char>(last + 1);
      return out;
    }
    out.pop_back();
  }
  return out;
}

}  // namespace kg
