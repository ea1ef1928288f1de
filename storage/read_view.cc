#include "storage/read_view.h"

#include "storage/records.h"

namespace kg {
namespace {

class IndexIterator : public TripleIterator {
 public:
  // The keys of `index` in [lower, upper); an empty upper: no bound.
  IndexIterator(const Engine& e, const rocksdb::Snapshot* snapshot,
                IndexKind index, std::string_view lower, std::string upper)
      : index_(index), upper_(std::move(upper)) {
    rocksdb::ReadOptions ro;
    ro.snapshot = snapshot;
    if (!upper_.empty()) {
      upper_slice_ = rocksdb::Slice(upper_);
      ro.iterate_upper_bound = &upper_slice_;
    }
    it_.reset(e.db->NewIterator(ro, e.handle(IndexCf(index))));
    it_->Seek(rocksdb::Slice(lower.data(), lower.size()));
  }
  IndexIterator(const Engine& e, const rocksdb::Snapshot* snapshot,
                const ScanPlan& plan)
      : IndexIterator(e, snapshot, plan.index, plan.prefix,
                      PrefixSuccessor(plan.prefix)) {}
  bool Valid() const override { return it_->Valid(); }
  void Next() override { it_->Next(); }
  IdTriple triple() const override {
    rocksdb::Slice k = it_->key();
    return DecodeIndexKey(index_, std::string_view(k.data(), k.size()));
  }
  Status status() const override { return FromRocks(it_->status(), "scan"); }

 private:
  IndexKind index_;
  std::string upper_;
  rocksdb::Slice upper_slice_;  // must outlive it_
  std::unique_ptr<rocksdb::Iterator> it_;
};

class RocksDocumentIterator : public DocumentIterator {
 public:
  RocksDocumentIterator(const Engine& e, const rocksdb::Snapshot* snapshot) {
    rocksdb::ReadOptions ro;
    ro.snapshot = snapshot;
    it_.reset(e.db->NewIterator(ro, e.handle(kCfDocuments)));
    it_->SeekToFirst();
    Load();
  }
  bool Valid() const override { return status_.ok() && it_->Valid(); }
  void Next() override {
    it_->Next();
    Load();
  }
  const DocumentRecord& record() const override { return record_; }
  Status status() const override {
    if (!status_.ok()) return status_;
    return FromRocks(it_->status(), "document scan");
  }

 private:
  void Load() {
    if (!it_->Valid()) return;
    StatusOr<StoredDocument> d = ParseDocument(it_->value().ToStringView());
    if (d.ok()) {
      record_ = d->record;
    } else {
      status_ = d.status();
    }
  }
  std::unique_ptr<rocksdb::Iterator> it_;
  DocumentRecord record_;
  Status status_;
};

class RocksReadView : public ReadView {
 public:
  explicit RocksReadView(std::shared_ptr<Engine> engine)
      : e_(std::move(engine)), snapshot_(e_->db->GetSnapshot()) {
    ro_.snapshot = snapshot_;
  }
  ~RocksReadView() override { e_->db->ReleaseSnapshot(snapshot_); }

  std::unique_ptr<TripleIterator> Match(TermId s, TermId p,
                                        TermId o) const override {
    return std::make_unique<IndexIterator>(*e_, snapshot_, PlanScan(s, p, o));
  }

  std::unique_ptr<TripleIterator> MatchSubjects(TermId first,
                                                TermId last) const override {
    const std::string lower = EncodeId(first);
    // Upper bound: the subject after `last`; none past the largest id; the
    // lower bound itself for an empty range.
    std::string upper = first > last         ? lower
                        : last == UINT64_MAX ? std::string()
                                             : EncodeId(last + 1);
    return std::make_unique<IndexIterator>(*e_, snapshot_, IndexKind::kSpo,
                                           lower, std::move(upper));
  }

  uint64_t Count(TermId s, TermId p, TermId o, uint64_t cap) const override {
    if (s == kNoTerm && p == kNoTerm && o == kNoTerm) {
      std::string v;
      if (e_->db->Get(ro_, e_->handle(kCfMeta), kMetaCounters, &v).ok()) {
        StatusOr<Counters> c = Counters::Decode(v);
        if (c.ok()) return c->triples;
      }
    }
    uint64_t n = 0;
    for (auto it = Match(s, p, o); it->Valid() && n < cap; it->Next()) ++n;
    return n;
  }

  StatusOr<TermId> Lookup(const Term& term) const override {
    rocksdb::PinnableSlice v;
    rocksdb::Status st =
        e_->db->Get(ro_, e_->handle(kCfStr2Id), term.Encode(), &v);
    if (st.IsNotFound()) {
      return Status::NotFound("unknown term " + term.ToNTriples());
    }
    if (!st.ok()) return FromRocks(st, "dictionary lookup");
    if (v.size() != 8) return Status::Corruption("bad dictionary entry");
    return GetBigEndian64(v.data());
  }

  StatusOr<Term> Resolve(TermId id) const override {
    rocksdb::PinnableSlice v;
    rocksdb::Status st =
        e_->db->Get(ro_, e_->handle(kCfId2Str), EncodeId(id), &v);
    if (st.IsNotFound()) {
      return Status::NotFound("unknown term id " + std::to_string(id));
    }
    if (!st.ok()) return FromRocks(st, "dictionary lookup");
    return Term::Decode(v.ToStringView());
  }

  Status ScanTerms(
      TermId first, TermId last,
      const std::function<bool(TermId, const Term&)>& visit) const override {
    if (first == kNoTerm) first = 1;
    if (first > last) return Status::OK();
    rocksdb::ReadOptions ro = ro_;
    const std::string lower = EncodeId(first);
    const std::string upper = last == UINT64_MAX ? "" : EncodeId(last + 1);
    rocksdb::Slice upper_slice(upper);
    if (!upper.empty()) ro.iterate_upper_bound = &upper_slice;
    ro.readahead_size = 1 << 20;  // a long sequential read
    std::unique_ptr<rocksdb::Iterator> it(
        e_->db->NewIterator(ro, e_->handle(kCfId2Str)));
    Term term;
    for (it->Seek(lower); it->Valid(); it->Next()) {
      const rocksdb::Slice k = it->key();
      if (k.size() != 8) return Status::Corruption("bad dictionary id key");
      KG_RETURN_IF_ERROR(Term::DecodeInto(it->value().ToStringView(), &term));
      if (!visit(GetBigEndian64(k.data()), term)) return Status::OK();
    }
    return FromRocks(it->status(), "dictionary scan");
  }

  TermId max_term_id() const override {
    std::string v;
    if (!e_->db->Get(ro_, e_->handle(kCfMeta), kMetaNextTermId, &v).ok() ||
        v.size() != 8) {
      return kNoTerm;
    }
    return GetBigEndian64(v.data()) - 1;
  }

  StatusOr<std::vector<StatementRecord>> Statements(
      const IdTriple& t) const override {
    std::vector<StatementRecord> out;
    const IndexKey k = EncodeIndexKey(IndexKind::kSpo, t);
    const std::string upper = PrefixSuccessor(KeyView(k));
    rocksdb::Slice upper_slice(upper);
    rocksdb::ReadOptions ro = ro_;
    ro.iterate_upper_bound = &upper_slice;
    std::unique_ptr<rocksdb::Iterator> it(
        e_->db->NewIterator(ro, e_->handle(kCfStatements)));
    Triple terms;
    for (it->Seek(rocksdb::Slice(k.data(), k.size())); it->Valid();
         it->Next()) {
      if (out.empty()) {
        StatusOr<Term> s = Resolve(t.s), p = Resolve(t.p), o = Resolve(t.o);
        if (!s.ok()) return s.status();
        if (!p.ok()) return p.status();
        if (!o.ok()) return o.status();
        terms = {*s, *p, *o};
      }
      StatusOr<StatementRecord> rec =
          ParseStatement(it->value().ToStringView());
      if (!rec.ok()) return rec.status();
      rec->triple = terms;
      out.push_back(std::move(*rec));
    }
    KG_RETURN_IF_ERROR(FromRocks(it->status(), "statement scan"));
    return out;
  }

  StatusOr<uint64_t> Support(const IdTriple& t) const override {
    const IndexKey k = EncodeIndexKey(IndexKind::kSpo, t);
    rocksdb::PinnableSlice v;
    rocksdb::Status st = e_->db->Get(ro_, e_->handle(kCfSpo), KeyView(k), &v);
    if (st.IsNotFound()) return uint64_t{0};
    if (!st.ok()) return FromRocks(st, "index lookup");
    v.Reset();
    st = e_->db->Get(ro_, e_->handle(kCfSupport), KeyView(k), &v);
    if (st.IsNotFound()) return uint64_t{1};
    if (!st.ok()) return FromRocks(st, "support lookup");
    if (v.size() != 8) return Status::Corruption("bad support count");
    return GetBigEndian64(v.data());
  }

  StatusOr<DocumentRecord> GetDocument(const std::string& id) const override {
    std::string v;
    rocksdb::Status st = e_->db->Get(ro_, e_->handle(kCfDocuments), id, &v);
    if (st.IsNotFound()) return Status::NotFound("no document " + id);
    if (!st.ok()) return FromRocks(st, "document " + id);
    StatusOr<StoredDocument> d = ParseDocument(v);
    if (!d.ok()) return d.status();
    return d->record;
  }

  std::unique_ptr<DocumentIterator> Documents() const override {
    return std::make_unique<RocksDocumentIterator>(*e_, snapshot_);
  }

  uint64_t sequence() const override { return snapshot_->GetSequenceNumber(); }

 private:
  std::shared_ptr<Engine> e_;
  const rocksdb::Snapshot* snapshot_;
  rocksdb::ReadOptions ro_;
};

}  // namespace

std::unique_ptr<ReadView> NewRocksReadView(std::shared_ptr<Engine> engine) {
  return std::make_unique<RocksReadView>(std::move(engine));
}

}  // namespace kg
