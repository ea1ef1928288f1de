#include "storage/check.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "storage/engine_open.h"
#include "storage/records.h"

namespace kg {
namespace {

using Key3 = std::tuple<TermId, TermId, TermId>;

class Checker {
 public:
  Checker(const Engine& e, CheckReport* r) : e_(e), r_(r) {}

  void Problem(const std::string& what) {
    if (r_->problems.size() < CheckReport::kMaxProblems) {
      r_->problems.push_back(what);
    }
    ++r_->problem_count;
  }

  template <typename Fn>
  Status Scan(Cf cf, Fn&& fn) {
    std::unique_ptr<rocksdb::Iterator> it(
        e_.db->NewIterator(rocksdb::ReadOptions(), e_.handle(cf)));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      fn(it->key().ToStringView(), it->value().ToStringView());
    }
    return FromRocks(it->status(), std::string("scanning ") + CfName(cf));
  }

  Status Run() {
    // Dictionary, both ways.
    std::string next;
    TermId next_id = 1;
    if (e_.db
            ->Get(rocksdb::ReadOptions(), e_.handle(kCfMeta), kMetaNextTermId,
                  &next)
            .ok() &&
        next.size() == 8) {
      next_id = GetBigEndian64(next.data());
    } else {
      Problem("meta: next_term_id missing or malformed");
    }
    std::vector<bool> seen_id(next_id, false);
    KG_RETURN_IF_ERROR(Scan(kCfStr2Id, [&](auto k, auto v) {
      ++r_->terms;
      if (v.size() != 8) return Problem("str2id: malformed id");
      const TermId id = GetBigEndian64(v.data());
      if (id == kNoTerm || id >= next_id) {
        return Problem("str2id: id " + std::to_string(id) + " out of range");
      }
      seen_id[id] = true;
      std::string back;
      if (!e_.db
               ->Get(rocksdb::ReadOptions(), e_.handle(kCfId2Str), EncodeId(id),
                     &back)
               .ok() ||
          back != k) {
        Problem("dictionary: id " + std::to_string(id) +
                " does not map back to its term");
      }
    }));
    uint64_t id2str = 0;
    KG_RETURN_IF_ERROR(Scan(kCfId2Str, [&](auto, auto v) {
      ++id2str;
      if (!Term::Decode(v).ok()) Problem("id2str: undecodable term");
    }));
    if (id2str != r_->terms) {
      Problem("dictionary: str2id has " + std::to_string(r_->terms) +
              " entries, id2str " + std::to_string(id2str));
    }

    // Indexes: spo defines the triple set; pos and osp must hold exactly it.
    std::vector<IdTriple> spo;
    for (int i = 0; i < kIndexCount; ++i) {
      const auto kind = static_cast<IndexKind>(i);
      std::vector<IdTriple> got;
      KG_RETURN_IF_ERROR(Scan(IndexCf(kind), [&](auto k, auto v) {
        if (k.size() != kIndexKeySize || !v.empty()) {
          return Problem(std::string(CfName(IndexCf(kind))) +
                         ": malformed entry");
        }
        got.push_back(DecodeIndexKey(kind, k));
      }));
      auto less = [](const IdTriple& a, const IdTriple& b) {
        return std::tie(a.s, a.p, a.o) < std::tie(b.s, b.p, b.o);
      };
      std::sort(got.begin(), got.end(), less);
      if (kind == IndexKind::kSpo) {
        spo = std::move(got);
        for (const IdTriple& t : spo) {
          for (TermId id : {t.s, t.p, t.o}) {
            if (id >= next_id || !seen_id[id]) {
              Problem("triple uses id " + std::to_string(id) +
                      " missing from the dictionary");
            }
          }
        }
      } else if (got != spo) {
        Problem(std::string(CfName(IndexCf(kind))) + " holds " +
                std::to_string(got.size()) + " triples, spo " +
                std::to_string(spo.size()) + " (or different ones)");
      }
    }
    r_->triples = spo.size();

    // Documents: contributions, statements, support.
    std::map<Key3, uint64_t> support;
    std::vector<Key3> contributed;
    KG_RETURN_IF_ERROR(Scan(kCfDocuments, [&](auto k, auto v) {
      ++r_->documents;
      StatusOr<StoredDocument> d = ParseDocument(v);
      if (!d.ok())
        return Problem("document " + std::string(k) + ": " +
                       d.status().message());
      CheckDocument(*d, &contributed);
    }));
    std::sort(contributed.begin(), contributed.end());
    std::vector<Key3> present;
    for (size_t i = 0; i < contributed.size();) {
      size_t j = i;
      while (j < contributed.size() && contributed[j] == contributed[i]) ++j;
      present.push_back(contributed[i]);
      const auto& [s, p, o] = contributed[i];
      const uint64_t want = j - i;
      std::string v;
      const IndexKey key = EncodeIndexKey(IndexKind::kSpo, {s, p, o});
      rocksdb::Status st = e_.db->Get(rocksdb::ReadOptions(),
                                      e_.handle(kCfSupport), KeyView(key), &v);
      const uint64_t stored = st.ok() && v.size() == 8
                                  ? GetBigEndian64(v.data())
                              : st.IsNotFound() ? 1
                                                : 0;
      if (stored != want) {
        Problem("support of (" + std::to_string(s) + "," + std::to_string(p) +
                "," + std::to_string(o) + ") is " + std::to_string(stored) +
                ", documents supporting it: " + std::to_string(want));
      }
      i = j;
    }
    std::vector<Key3> indexed;
    for (const IdTriple& t : spo) indexed.emplace_back(t.s, t.p, t.o);
    if (indexed != present) {
      Problem("indexes hold " + std::to_string(indexed.size()) +
              " triples, documents contribute " +
              std::to_string(present.size()) + " (or different ones)");
    }
    uint64_t support_entries = 0;
    KG_RETURN_IF_ERROR(
        Scan(kCfSupport, [&](auto, auto) { ++support_entries; }));
    uint64_t shared = 0;
    for (size_t i = 0; i + 1 < contributed.size(); ++i) {
      if (contributed[i] == contributed[i + 1] &&
          (i == 0 || contributed[i - 1] != contributed[i])) {
        ++shared;
      }
    }
    if (support_entries != shared) {
      Problem("support holds " + std::to_string(support_entries) +
              " counts, triples with two or more documents: " +
              std::to_string(shared));
    }

    // Statements: each belongs to a stored document.
    KG_RETURN_IF_ERROR(Scan(kCfStatements, [&](auto k, auto v) {
      ++r_->statements;
      StatusOr<StatementRecord> st = ParseStatement(v);
      if (!st.ok() || k.size() != kStatementKeySize) {
        return Problem("statements: malformed entry");
      }
      std::string doc;
      if (!e_.db
               ->Get(rocksdb::ReadOptions(), e_.handle(kCfDocuments),
                     st->document_id, &doc)
               .ok()) {
        Problem("statement " + st->id + " belongs to absent document " +
                st->document_id);
      }
    }));

    // Counters.
    std::string c;
    if (!e_.db
             ->Get(rocksdb::ReadOptions(), e_.handle(kCfMeta), kMetaCounters,
                   &c)
             .ok()) {
      Problem("meta: counters missing");
    } else if (StatusOr<Counters> n = Counters::Decode(c); !n.ok()) {
      Problem("meta: counters malformed");
    } else if (n->triples != r_->triples || n->documents != r_->documents ||
               n->statements != r_->statements) {
      Problem("meta counters (" + std::to_string(n->triples) + " triples, " +
              std::to_string(n->documents) + " documents, " +
              std::to_string(n->statements) +
              " statements) differ from the data");
    }
    return Status::OK();
  }

 private:
  void CheckDocument(const StoredDocument& d, std::vector<Key3>* contributed) {
    const std::string& id = d.record.id;
    std::vector<Contribution> list;
    for (uint32_t c = 0; c < d.contribution_chunks; ++c) {
      std::string v;
      if (!e_.db
               ->Get(rocksdb::ReadOptions(), e_.handle(kCfDocTriples),
                     ContributionChunkKey(id, c), &v)
               .ok() ||
          !UnpackContributions(v, &list).ok()) {
        Problem("document " + id + ": contribution chunk " + std::to_string(c) +
                " missing or malformed");
      }
    }
    if (list.size() != d.record.triple_count) {
      Problem("document " + id + ": record says " +
              std::to_string(d.record.triple_count) + " triples, list has " +
              std::to_string(list.size()));
    }
    const uint64_t h = DocumentHash(id);
    uint64_t statements = 0;
    for (const Contribution& c : list) {
      contributed->emplace_back(c.triple.s, c.triple.p, c.triple.o);
      for (uint32_t n = 0; n < c.statements; ++n, ++statements) {
        std::string v;
        if (!e_.db
                 ->Get(rocksdb::ReadOptions(), e_.handle(kCfStatements),
                       StatementKey(c.triple, h, n), &v)
                 .ok()) {
          Problem("document " + id + ": statement " + std::to_string(n) +
                  " of a triple is missing");
        }
      }
    }
    if (statements != d.record.statement_count) {
      Problem("document " + id + ": record says " +
              std::to_string(d.record.statement_count) +
              " statements, list has " + std::to_string(statements));
    }
  }

  const Engine& e_;
  CheckReport* r_;
};

}  // namespace

Status CheckStore(const std::string& path, CheckReport* report) {
  StatusOr<DirState> state = InspectStoreDir(path);
  if (!state.ok()) return state.status();
  if (*state != DirState::kStore)
    return Status::NotFound("no kg store at " + path);
  StatusOr<std::shared_ptr<Engine>> e = OpenEngineForReading(path);
  if (!e.ok()) return e.status();
  *report = CheckReport();
  return Checker(**e, report).Run();
}

}  // namespace kg
