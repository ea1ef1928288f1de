#include "storage/document_writer.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "storage/radix_sort.h"

namespace kg {
namespace {

bool SpoLess(const IdTriple& a, const IdTriple& b) {
  return std::tie(a.s, a.p, a.o) < std::tie(b.s, b.p, b.o);
}

StatusOr<IdTriple> ToIds(const Triple& t, TermDictionary* dict,
                         WriteSink* sink) {
  IdTriple out;
  for (auto [term, id] :
       {std::pair{&t.subject, &out.s}, std::pair{&t.predicate, &out.p},
        std::pair{&t.object, &out.o}}) {
    StatusOr<TermId> r = dict->GetOrAssign(*term, sink);
    if (!r.ok()) return r.status();
    *id = *r;
  }
  return out;
}

Status LoadContributions(const Engine& e, const StoredDocument& doc,
                         std::vector<Contribution>* out) {
  for (uint32_t c = 0; c < doc.contribution_chunks; ++c) {
    std::string value;
    rocksdb::Status s =
        e.db->Get(rocksdb::ReadOptions(), e.handle(kCfDocTriples),
                  ContributionChunkKey(doc.record.id, c), &value);
    if (!s.ok()) {
      return Status::Corruption("document " + doc.record.id +
                                ": missing contribution chunk " +
                                std::to_string(c) + ": " + s.ToString());
    }
    KG_RETURN_IF_ERROR(UnpackContributions(value, out));
  }
  return Status::OK();
}

// Support of a triple in the committed state; see engine.h for the encoding.
StatusOr<uint64_t> CurrentSupport(const Engine& e, const IdTriple& t) {
  const IndexKey k = EncodeIndexKey(IndexKind::kSpo, t);
  rocksdb::PinnableSlice value;
  rocksdb::Status s =
      e.db->Get(rocksdb::ReadOptions(), e.handle(kCfSpo), KeyView(k), &value);
  if (s.IsNotFound()) return uint64_t{0};
  if (!s.ok()) return FromRocks(s, "index lookup");
  value.Reset();
  s = e.db->Get(rocksdb::ReadOptions(), e.handle(kCfSupport), KeyView(k),
                &value);
  if (s.IsNotFound()) return uint64_t{1};
  if (!s.ok()) return FromRocks(s, "support lookup");
  if (value.size() != 8) return Status::Corruption("bad support count");
  return GetBigEndian64(value.data());
}

void PutIndexes(WriteSink* sink, const IdTriple& t, bool put) {
  for (int i = 0; i < kIndexCount; ++i) {
    const auto kind = static_cast<IndexKind>(i);
    const IndexKey k = EncodeIndexKey(kind, t);
    if (put) {
      sink->Put(IndexCf(kind), KeyView(k), {});
    } else {
      sink->Delete(IndexCf(kind), KeyView(k));
    }
  }
}

// Moves the triple's support by `delta` (+1 or -1), maintaining the indexes.
Status AdjustSupport(const WritePlanInput& in, bool store_empty,
                     const IdTriple& t, int delta) {
  uint64_t cur = 0;
  if (!store_empty) {
    StatusOr<uint64_t> r = CurrentSupport(*in.engine, t);
    if (!r.ok()) return r.status();
    cur = *r;
  }
  if (delta < 0 && cur == 0) {
    return Status::Corruption("a document's triple is missing from the index");
  }
  const uint64_t next = delta > 0 ? cur + 1 : cur - 1;
  const IndexKey k = EncodeIndexKey(IndexKind::kSpo, t);
  if (cur == 0) {
    PutIndexes(in.sink, t, true);
    ++in.counters->triples;
  } else if (next == 0) {
    PutIndexes(in.sink, t, false);
    --in.counters->triples;
  }
  if (next >= 2) {
    in.sink->Put(kCfSupport, KeyView(k), EncodeId(next));
  } else if (cur >= 2) {
    in.sink->Delete(kCfSupport, KeyView(k));
  }
  return Status::OK();
}

}  // namespace

StatusOr<std::optional<StoredDocument>> ReadStoredDocument(
    const Engine& engine, const std::string& id) {
  std::string value;
  rocksdb::Status s = engine.db->Get(rocksdb::ReadOptions(),
                                     engine.handle(kCfDocuments), id, &value);
  if (s.IsNotFound()) return std::optional<StoredDocument>();
  if (!s.ok()) return FromRocks(s, "document " + id);
  StatusOr<StoredDocument> doc = ParseDocument(value);
  if (!doc.ok()) return doc.status();
  return std::optional<StoredDocument>(std::move(*doc));
}

Status ValidateDocument(const DocumentInput& doc) {
  if (doc.id.empty()) return Status::InvalidArgument("document id is empty");
  if (doc.id.find('\0') != std::string::npos) {
    return Status::InvalidArgument("document id contains a NUL byte");
  }
  for (const StatementRecord& st : doc.statements) {
    if (!(st.confidence >= 0.0 && st.confidence <= 1.0)) {
      return Status::InvalidArgument(
          "document " + doc.id + ": statement " + st.id + " has confidence " +
          std::to_string(st.confidence) + " outside [0, 1]");
    }
  }
  return Status::OK();
}

Status PlanDocumentWrite(const WritePlanInput& in, const std::string& id,
                         const StoredDocument* old, const DocumentInput* doc) {
  const bool store_empty = in.counters->triples == 0;
  const uint64_t doc_hash = DocumentHash(id);
  WriteSink* sink = in.sink;

  // The new contribution, sorted by spo, with its statements grouped by triple.
  std::vector<Contribution> fresh;
  std::vector<std::pair<IdTriple, const StatementRecord*>> statements;
  if (doc != nullptr) {
    fresh.reserve(doc->triples.size() + doc->statements.size());
    for (const Triple& t : doc->triples) {
      StatusOr<IdTriple> ids = ToIds(t, in.dictionary, sink);
      if (!ids.ok()) return ids.status();
      fresh.push_back({*ids, 0});
    }
    for (const StatementRecord& st : doc->statements) {
      StatusOr<IdTriple> ids = ToIds(st.triple, in.dictionary, sink);
      if (!ids.ok()) return ids.status();
      statements.emplace_back(*ids, &st);
      fresh.push_back({*ids, 0});  // a statement's triple is one of the doc's
    }
    RadixSort(&fresh, [](const Contribution& c) {
      return std::array<uint64_t, 3>{c.triple.s, c.triple.p, c.triple.o};
    });
    fresh.erase(std::unique(fresh.begin(), fresh.end(),
                            [](const Contribution& a, const Contribution& b) {
                              return a.triple == b.triple;
                            }),
                fresh.end());
    std::stable_sort(
        statements.begin(), statements.end(),
        [](const auto& a, const auto& b) { return SpoLess(a.first, b.first); });
  }
  std::vector<Contribution> before;
  if (old != nullptr)
    KG_RETURN_IF_ERROR(LoadContributions(*in.engine, *old, &before));

  for (int k = 0; k < kIndexCount; ++k) {
    sink->Reserve(IndexCf(static_cast<IndexKind>(k)),
                  fresh.size() + before.size());
  }
  // Support moves only for triples in exactly one of the two lists.
  size_t i = 0, j = 0;
  while (i < fresh.size() || j < before.size()) {
    if (j == before.size() ||
        (i < fresh.size() && SpoLess(fresh[i].triple, before[j].triple))) {
      KG_RETURN_IF_ERROR(AdjustSupport(in, store_empty, fresh[i++].triple, +1));
    } else if (i == fresh.size() ||
               SpoLess(before[j].triple, fresh[i].triple)) {
      KG_RETURN_IF_ERROR(
          AdjustSupport(in, store_empty, before[j++].triple, -1));
    } else {
      ++i, ++j;
    }
  }

  // Provenance: drop the old statements, then write the new ones (a key that
  // is both deleted and put ends up put: the sink's last write wins).
  for (const Contribution& c : before) {
    for (uint32_t n = 0; n < c.statements; ++n) {
      sink->Delete(kCfStatements, StatementKey(c.triple, doc_hash, n));
    }
  }
  size_t f = 0;
  for (size_t k = 0; k < statements.size();) {
    const IdTriple t = statements[k].first;
    while (!(fresh[f].triple == t)) ++f;
    uint32_t n = 0;
    for (; k < statements.size() && statements[k].first == t; ++k, ++n) {
      StatementRecord rec = *statements[k].second;
      rec.document_id = id;
      sink->Put(kCfStatements, StatementKey(t, doc_hash, n),
                SerializeStatement(rec));
    }
    fresh[f].statements = n;
  }

  // The contribution list and the document record.
  const uint32_t old_chunks = old ? old->contribution_chunks : 0;
  for (uint32_t c = 0; c < old_chunks; ++c) {
    sink->Delete(kCfDocTriples, ContributionChunkKey(id, c));
  }
  if (old != nullptr) {
    --in.counters->documents;
    in.counters->statements -= old->record.statement_count;
  }
  if (doc != nullptr) {
    StoredDocument rec;
    rec.record = {doc->id,     doc->content_hash, doc->title,       doc->date,
                  doc->source, fresh.size(),      statements.size()};
    for (size_t b = 0; b < fresh.size(); b += kContributionsPerChunk) {
      const size_t e = std::min(fresh.size(), b + kContributionsPerChunk);
      sink->Put(kCfDocTriples,
                ContributionChunkKey(id, rec.contribution_chunks++),
                PackContributions(fresh.data() + b, fresh.data() + e));
    }
    sink->Put(kCfDocuments, id, SerializeDocument(rec));
    ++in.counters->documents;
    in.counters->statements += statements.size();
  } else {
    sink->Delete(kCfDocuments, id);
  }
  in.dictionary->EmitNextId(sink);
  sink->Put(kCfMeta, kMetaCounters, in.counters->Encode());
  return Status::OK();
}

}  // namespace kg
