#include "storage/engine.h"

namespace kg {

const char* CfName(int cf) {
  static const char* const kNames[kCfCount] = {
      "default", "meta",    "str2id",    "id2str",      "spo",       "pos",
      "osp",     "support", "documents", "doc_triples", "statements"};
  return kNames[cf];
}

std::string Counters::Encode() const {
  std::string out(24, '\0');
  PutBigEndian64(out.data(), triples);
  PutBigEndian64(out.data() + 8, documents);
  PutBigEndian64(out.data() + 16, statements);
  return out;
}

StatusOr<Counters> Counters::Decode(std::string_view bytes) {
  if (bytes.size() != 24) return Status::Corruption("bad counters in meta");
  Counters c;
  c.triples = GetBigEndian64(bytes.data());
  c.documents = GetBigEndian64(bytes.data() + 8);
  c.statements = GetBigEndian64(bytes.data() + 16);
  return c;
}

Engine::~Engine() {
  if (db) {
    for (auto* h : cf) {
      if (h) db->DestroyColumnFamilyHandle(h).PermitUncheckedError();
    }
    db->Close().PermitUncheckedError();
  }
}

Status FromRocks(const rocksdb::Status& s, const std::string& context) {
  if (s.ok()) return Status::OK();
  std::string msg = context + ": " + s.ToString();
  if (s.IsNotFound()) return Status::NotFound(msg);
  if (s.IsCorruption()) return Status::Corruption(msg);
  if (s.IsBusy() || s.IsTryAgain()) return Status::Busy(msg);
  if (s.IsInvalidArgument()) return Status::InvalidArgument(msg);
  return Status::IOError(msg);
}

}  // namespace kg
