#include "storage/document_scan.h"

#include "storage/engine_open.h"
#include "storage/read_view.h"
#include "storage/records.h"

namespace kg {

DocumentScan::DocumentScan(std::shared_ptr<Engine> e)
    : e_(std::move(e)), view_(NewRocksReadView(e_)) {}

DocumentScan::~DocumentScan() = default;

StatusOr<std::unique_ptr<DocumentScan>> DocumentScan::Open(
    const std::string& path) {
  StatusOr<DirState> state = InspectStoreDir(path);
  if (!state.ok()) return state.status();
  if (*state != DirState::kStore) {
    return Status::NotFound("no kg store at " + path);
  }
  StatusOr<std::shared_ptr<Engine>> e = OpenEngineForReading(path);
  if (!e.ok()) return e.status();
  return std::unique_ptr<DocumentScan>(new DocumentScan(std::move(*e)));
}

Status DocumentScan::ForEach(const Visitor& fn) const {
  // A read-only engine never changes, so plain reads see one state.
  std::unique_ptr<rocksdb::Iterator> docs(
      e_->db->NewIterator(rocksdb::ReadOptions(), e_->handle(kCfDocuments)));
  std::vector<Contribution> list;
  std::vector<IdTriple> triples;
  for (docs->SeekToFirst(); docs->Valid(); docs->Next()) {
    StatusOr<StoredDocument> d = ParseDocument(docs->value().ToStringView());
    if (!d.ok()) return d.status();
    list.clear();
    for (uint32_t c = 0; c < d->contribution_chunks; ++c) {
      std::string value;
      rocksdb::Status s =
          e_->db->Get(rocksdb::ReadOptions(), e_->handle(kCfDocTriples),
                      ContributionChunkKey(d->record.id, c), &value);
      if (!s.ok()) {
        return Status::Corruption("document " + d->record.id +
                                  ": missing contribution chunk " +
                                  std::to_string(c));
      }
      KG_RETURN_IF_ERROR(UnpackContributions(value, &list));
    }
    triples.clear();
    for (const Contribution& c : list) triples.push_back(c.triple);
    KG_RETURN_IF_ERROR(fn(d->record, triples));
  }
  return FromRocks(docs->status(), "document scan");
}

}  // namespace kg
