#include "storage/key_codec.h"

namespace kg {

void PutBigEndian64(char* out, uint64_t v) {
  for (int i = 7; i >= 0; --i) {
    out[i] = static_cast<char>(v & 0xff);
    v >>= 8;
  }
}

uint64_t GetBigEndian64(const char* in) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | static_cast<unsigned char>(in[i]);
  return v;
}

std::string EncodeId(TermId id) {
  std::string out(8, '\0');
  PutBigEndian64(out.data(), id);
  return out;
}

IndexKey EncodeIndexKey(IndexKind kind, const IdTriple& t) {
  IndexKey k;
  TermId a = t.s, b = t.p, c = t.o;
  if (kind == IndexKind::kPos) {
    a = t.p, b = t.o, c = t.s;
  } else if (kind == IndexKind::kOsp) {
    a = t.o, b = t.s, c = t.p;
  }
  PutBigEndian64(k.data(), a);
  PutBigEndian64(k.data() + 8, b);
  PutBigEndian64(k.data() + 16, c);
  return k;
}

std::string_view KeyView(const IndexKey& k) {
  return std::string_view(k.data(), k.size());
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
