// Merging stores: pick the documents, re-map the terms they use into one
// dictionary, re-sort every index in the new id order and ingest the result as
// one SST file per column family (storage/merge_output.h writes them).
#include "storage/merge.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "storage/engine_open.h"
#include "storage/merge_output.h"
#include "storage/records.h"
#include "storage/store_lock.h"

namespace kg {
namespace fs = std::filesystem;
namespace {

struct Input {
  std::string path;
  std::shared_ptr<Engine> engine;
  // Kept documents of this input and what each contributes (input ids).
  std::map<std::string, StoredDocument> kept;
  std::unordered_map<std::string, std::vector<Contribution>> contributions;
  std::unordered_set<uint64_t> kept_hashes;
  std::vector<TermId> remap;  // input id -> output id; kNoTerm = not used
};

template <typename Fn>
Status ScanCf(const Engine& e, Cf cf, Fn&& fn) {
  std::unique_ptr<rocksdb::Iterator> it(
      e.db->NewIterator(rocksdb::ReadOptions(), e.handle(cf)));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    KG_RETURN_IF_ERROR(
        fn(it->key().ToStringView(), it->value().ToStringView()));
  }
  return FromRocks(it->status(), e.path + ": scanning " + CfName(cf));
}

StatusOr<TermId> NextTermId(const Engine& e) {
  std::string v;
  rocksdb::Status s =
      e.db->Get(rocksdb::ReadOptions(), e.handle(kCfMeta), kMetaNextTermId, &v);
  if (!s.ok()) return FromRocks(s, e.path + ": next_term_id");
  if (v.size() != 8) return Status::Corruption(e.path + ": bad next_term_id");
  return GetBigEndian64(v.data());
}

class Merger {
 public:
  Merger(const std::vector<std::string>& paths, MergeReport* report)
      : report_(report) {
    for (const std::string& p : paths) {
      inputs_.emplace_back();
      inputs_.back().path = p;
    }
  }

  Status Run(MergeOutput* out) {
    for (Input& in : inputs_) {
      StatusOr<std::shared_ptr<Engine>> e = OpenEngineForReading(in.path);
      if (!e.ok()) return e.status();
      in.engine = std::move(*e);
    }
    KG_RETURN_IF_ERROR(PickDocuments());
    for (Input& in : inputs_) {
      KG_RETURN_IF_ERROR(LoadContributions(in));
      KG_RETURN_IF_ERROR(MapTerms(in));
    }
    KG_RETURN_IF_ERROR(out->WriteDictionary(terms_));
    KG_RETURN_IF_ERROR(WriteTriples(out));
    KG_RETURN_IF_ERROR(WriteDocuments(out));
    KG_RETURN_IF_ERROR(WriteStatements(out));
    report_->terms = terms_.size();
    Counters c{report_->triples, report_->documents, report_->statements};
    return out->WriteMeta(terms_.size() + 1, c);
  }

 private:
  // The first input holding a document id keeps it.
  Status PickDocuments() {
    std::unordered_map<std::string, std::pair<size_t, std::string>> owner;
    for (size_t i = 0; i < inputs_.size(); ++i) {
      Input& in = inputs_[i];
      KG_RETURN_IF_ERROR(ScanCf(*in.engine, kCfDocuments, [&](auto, auto v) {
        StatusOr<StoredDocument> d = ParseDocument(v);
        if (!d.ok())
          return Status::Corruption(in.path + ": " + d.status().message());
        const DocumentRecord& r = d->record;
        auto [it, fresh] = owner.try_emplace(r.id, i, r.content_hash);
        if (!fresh) {
          ++report_->duplicates;
          if (report_->duplicate_lines.size() < MergeReport::kMaxLines) {
            const std::string& first = inputs_[it->second.first].path;
            report_->duplicate_lines.push_back(
                r.id + ": in " + in.path + " and " + first + "; kept " + first +
                "'s (" +
                (it->second.second == r.content_hash ? "same" : "different") +
                " content)");
          }
          return Status::OK();
        }
        ++report_->documents;
        report_->statements += r.statement_count;
        in.kept_hashes.insert(DocumentHash(r.id));
        in.kept.emplace(r.id, std::move(*d));
        return Status::OK();
      }));
    }
    return Status::OK();
  }

  // Reads the contribution chunks of the kept documents (one sequential scan).
  Status LoadContributions(Input& in) {
    KG_RETURN_IF_ERROR(ScanCf(*in.engine, kCfDocTriples, [&](auto k, auto v) {
      if (k.size() < 5 || k[k.size() - 5] != '\0') {
        return Status::Corruption(in.path + ": malformed contribution key");
      }
      std::string id(k.substr(0, k.size() - 5));
      if (in.kept.count(id) == 0) return Status::OK();
      return UnpackContributions(v, &in.contributions[id]);
    }));
    for (auto& [id, doc] : in.kept) {
      if (in.contributions[id].size() != doc.record.triple_count) {
        return Status::Corruption(in.path + ": document " + id +
                                  ": contribution list does not match its "
                                  "record (run kg check)");
      }
    }
    return Status::OK();
  }

  // Gives every term the kept documents use an output id (first come, first
  // numbered), in one scan of the input's id2str.
  Status MapTerms(Input& in) {
    StatusOr<TermId> next = NextTermId(*in.engine);
    if (!next.ok()) return next.status();
    std::vector<bool> used(*next, false);
    for (const auto& [id, list] : in.contributions) {
      for (const Contribution& c : list) {
        for (TermId t : {c.triple.s, c.triple.p, c.triple.o}) {
          if (t == kNoTerm || t >= *next) {
            return Status::Corruption(in.path + ": document " + id +
                                      " uses unknown term id " +
                                      std::to_string(t));
          }
          used[t] = true;
        }
      }
    }
    in.remap.assign(*next, kNoTerm);
    KG_RETURN_IF_ERROR(ScanCf(*in.engine, kCfId2Str, [&](auto k, auto v) {
      if (k.size() != 8)
        return Status::Corruption(in.path + ": bad id2str key");
      const TermId id = GetBigEndian64(k.data());
      if (id >= *next || !used[id]) return Status::OK();
      auto [it, fresh] = ids_.try_emplace(std::string(v), terms_.size() + 1);
      if (fresh) terms_.push_back(&it->first);
      in.remap[id] = it->second;
      return Status::OK();
    }));
    for (TermId t = 1; t < *next; ++t) {
      if (used[t] && in.remap[t] == kNoTerm) {
        return Status::Corruption(in.path + ": term id " + std::to_string(t) +
                                  " has no dictionary entry");
      }
    }
    return Status::OK();
  }

  static IdTriple Remap(const Input& in, const IdTriple& t) {
    return {in.remap[t.s], in.remap[t.p], in.remap[t.o]};
  }

  Status WriteTriples(MergeOutput* out) {
    std::vector<IdTriple> all;
    for (const Input& in : inputs_) {
      for (const auto& [id, list] : in.contributions) {
        for (const Contribution& c : list) all.push_back(Remap(in, c.triple));
      }
    }
    report_->input_triples = all.size();
    StatusOr<uint64_t> n = out->WriteIndexes(std::move(all));
    if (!n.ok()) return n.status();
    report_->triples = *n;
    return Status::OK();
  }

  // Documents in id order, each with its contribution list in the new spo
  // order (chunked as the store's writer chunks it).
  Status WriteDocuments(MergeOutput* out) {
    std::map<std::string, const Input*> order;
    for (const Input& in : inputs_) {
      for (const auto& [id, doc] : in.kept) order.emplace(id, &in);
    }
    for (const auto& [id, in] : order) {
      std::vector<Contribution> list = in->contributions.at(id);
      for (Contribution& c : list) c.triple = Remap(*in, c.triple);
      StoredDocument doc = in->kept.at(id);
      KG_RETURN_IF_ERROR(out->AddDocument(&doc, &list));
    }
    return out->FinishDocuments();
  }

  Status WriteStatements(MergeOutput* out) {
    uint64_t written = 0;
    for (const Input& in : inputs_) {
      KG_RETURN_IF_ERROR(ScanCf(*in.engine, kCfStatements, [&](auto k, auto v) {
        if (k.size() != kStatementKeySize) {
          return Status::Corruption(in.path + ": malformed statement key");
        }
        const uint64_t doc_hash = GetBigEndian64(k.data() + kIndexKeySize);
        if (in.kept_hashes.count(doc_hash) == 0) return Status::OK();
        const IdTriple t = Remap(
            in, DecodeIndexKey(IndexKind::kSpo, k.substr(0, kIndexKeySize)));
        if (t.s == kNoTerm || t.p == kNoTerm || t.o == kNoTerm) {
          return Status::Corruption(
              in.path + ": a statement's triple is not one of its document's");
        }
        ++written;
        out->AddStatement(KeyView(EncodeIndexKey(IndexKind::kSpo, t)),
                          k.substr(kIndexKeySize), v);
        return Status::OK();
      }));
    }
    if (written != report_->statements) {
      return Status::Corruption(
          "the inputs hold " + std::to_string(written) +
          " statements of the kept documents, their records count " +
          std::to_string(report_->statements) + " (run kg check on each)");
    }
    return out->FinishStatements();
  }

  std::vector<Input> inputs_;
  MergeReport* report_;
  std::unordered_map<std::string, TermId> ids_;  // encoded term -> output id
  std::vector<const std::string*> terms_;  // output id - 1 -> encoded term
};

}  // namespace

Status MergeStores(const std::string& out,
                   const std::vector<std::string>& inputs,
                   const MergeOptions& options, MergeReport* report) {
  if (inputs.empty()) return Status::InvalidArgument("no input stores");
  for (const std::string& in : inputs) {
    StatusOr<DirState> state = InspectStoreDir(in);
    if (!state.ok()) return state.status();
    if (*state != DirState::kStore) {
      return Status::NotFound("no kg store at " + in);
    }
  }
  *report = MergeReport();
  StatusOr<std::unique_ptr<MergeOutput>> output =
      MergeOutput::Open(out, options.wait_seconds);
  if (!output.ok()) return output.status();
  Merger merger(inputs, report);
  Status st = merger.Run(output->get());
  if (st.ok()) st = (*output)->Commit();
  return st;
}

}  // namespace kg
