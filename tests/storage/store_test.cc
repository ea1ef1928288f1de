// Store semantics through the public API: dictionary, documents (idempotency,
// replacement, removal with shared support), provenance, persistence, and the
// open-time errors.
#include "storage/store.h"

#include <gtest/gtest.h>
#include <rocksdb/db.h>

#include <fstream>
#include <set>

#include "tests/storage/store_test_util.h"

namespace kg {
namespace {

IdTriple Ids(const ReadView& v, const Triple& t) {
  auto s = v.Lookup(t.subject), p = v.Lookup(t.predicate),
       o = v.Lookup(t.object);
  EXPECT_TRUE(s.ok() && p.ok() && o.ok());
  return s.ok() && p.ok() && o.ok() ? IdTriple{*s, *p, *o} : IdTriple{};
}

uint64_t SupportOf(const Store& store, const Triple& t) {
  auto v = store.NewReadView();
  auto s = v->Lookup(t.subject), p = v->Lookup(t.predicate),
       o = v->Lookup(t.object);
  if (!s.ok() || !p.ok() || !o.ok()) return 0;
  auto n = v->Support({*s, *p, *o});
  EXPECT_TRUE(n.ok());
  return n.ok() ? *n : 0;
}

TEST(StoreTest, DictionaryRoundTripsEveryTermKind) {
  TempDir dir{"kg-store"};
  auto store = OpenOrDie(dir.path());
  const std::vector<Term> terms = {
      Term::Iri("http://kg.local/entity/Nikol_Pashinyan"),
      Term::Blank("b0"),
      Term::Literal("plain text"),
      Term::Literal(""),
      Term::LangLiteral("Erevan", "fr"),
      Term::Typed("2020-01-19", std::string(kXsdNs) + "date"),
      Term::Typed("42", std::string(kXsdNs) + "integer"),
      Term::Typed("3.25", std::string(kXsdNs) + "decimal"),
      Term::Literal("Ünïcödé \"quoted\" \\ \n"),
  };
  DocumentInput doc = Doc("d", "h", {});
  for (const Term& t : terms) doc.triples.push_back({E("s"), E("p"), t});
  ASSERT_TRUE(store->AddDocument(doc).ok());
  auto view = store->NewReadView();
  std::set<TermId> ids;
  for (const Term& t : terms) {
    auto id = view->Lookup(t);
    ASSERT_TRUE(id.ok()) << t.ToNTriples();
    EXPECT_GE(*id, 1u);
    EXPECT_LE(*id, view->max_term_id());
    ids.insert(*id);
    auto back = view->Resolve(*id);
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, t);
  }
  EXPECT_EQ(ids.size(), terms.size());
  EXPECT_EQ(view->max_term_id(), terms.size() + 2);  // plus s and p: dense
  EXPECT_TRUE(view->Lookup(Term::Iri("http://nowhere/")).status().IsNotFound());
  EXPECT_TRUE(view->Resolve(view->max_term_id() + 1).status().IsNotFound());
  // A NUL inside a term is refused, and nothing of the document is written.
  DocumentInput bad =
      Doc("bad", "h", {{E("s"), E("p"), Term::Iri(std::string("a\0b", 3))}});
  EXPECT_EQ(store->AddDocument(bad).status().code(),
            Status::Code::kInvalidArgument);
  EXPECT_TRUE(store->NewReadView()->GetDocument("bad").status().IsNotFound());
}

TEST(StoreTest, ScanTermsAgreesWithResolve) {
  TempDir dir{"kg-store"};
  auto store = OpenOrDie(dir.path());
  DocumentInput doc = Doc("d", "h", {});
  for (int i = 0; i < 300; ++i) {
    std::string subject = "s", object = "o";
    subject += std::to_string(i % 7);
    object += std::to_string(i);
    doc.triples.push_back(
        {E(subject), E("p"),
         i % 2 ? Term::LangLiteral(std::to_string(i), "en") : E(object)});
  }
  ASSERT_TRUE(store->BulkLoad(doc).ok());
  ASSERT_TRUE(store
                  ->AddDocument(
                      Doc("d2", "h", {{E("new"), E("p"), Term::Literal("x")}}))
                  .ok());
  auto view = store->NewReadView();
  const TermId max = view->max_term_id();
  std::vector<TermId> seen;
  ASSERT_TRUE(view->ScanTerms(1, max,
                              [&](TermId id, const Term& t) {
                                auto r = view->Resolve(id);
                                EXPECT_TRUE(r.ok());
                                if (r.ok()) {
                                  EXPECT_EQ(*r, t) << id;
                                }
                                seen.push_back(id);
                                return true;
                              })
                  .ok());
  ASSERT_EQ(seen.size(), max);  // every id, dense, in order
  for (size_t i = 0; i < seen.size(); ++i) EXPECT_EQ(seen[i], i + 1);
  // A sub-range, a range past the end, and stopping early.
  seen.clear();
  ASSERT_TRUE(view->ScanTerms(5, 9,
                              [&](TermId id, const Term&) {
                                seen.push_back(id);
                                return true;
                              })
                  .ok());
  EXPECT_EQ(seen, (std::vector<TermId>{5, 6, 7, 8, 9}));
  seen.clear();
  ASSERT_TRUE(view->ScanTerms(max, UINT64_MAX,
                              [&](TermId id, const Term&) {
                                seen.push_back(id);
                                return true;
                              })
                  .ok());
  EXPECT_EQ(seen, (std::vector<TermId>{max}));
  int calls = 0;
  ASSERT_TRUE(
      view->ScanTerms(1, max, [&](TermId, const Term&) { return ++calls < 3; })
          .ok());
  EXPECT_EQ(calls, 3);
  EXPECT_TRUE(view->ScanTerms(9, 5,
                              [&](TermId, const Term&) {
                                ADD_FAILURE() << "empty range visited";
                                return true;
                              })
                  .ok());
}

TEST(StoreTest, ReAddingAnUnchangedDocumentIsANoOp) {
  TempDir dir{"kg-store"};
  auto store = OpenOrDie(dir.path());
  DocumentInput d =
      Doc("a", "h1", {T("x", "p", "y"), T("x", "p", "y"), T("y", "p", "z")});
  auto r = store->AddDocument(d);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(*r, AddOutcome::kAdded);
  const uint64_t seq = store->NewReadView()->sequence();
  r = store->AddDocument(d);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, AddOutcome::kUnchanged);
  EXPECT_EQ(store->NewReadView()->sequence(), seq);
  auto rec = store->NewReadView()->GetDocument("a");
  ASSERT_TRUE(rec.ok());
  EXPECT_EQ(rec->triple_count, 2u);  // duplicates within a document collapse
  EXPECT_EQ(rec->title, "title of a");
  EXPECT_EQ(SupportOf(*store, T("x", "p", "y")), 1u);
}

TEST(StoreTest, ChangedDocumentReplacesItsContribution) {
  TempDir dir{"kg-store"};
  auto store = OpenOrDie(dir.path());
  ASSERT_TRUE(
      store->AddDocument(Doc("a", "h1", {T("x", "p", "y"), T("y", "p", "z")}))
          .ok());
  ASSERT_TRUE(store->AddDocument(Doc("b", "h1", {T("y", "p", "z")})).ok());
  auto r =
      store->AddDocument(Doc("a", "h2", {T("y", "p", "z"), T("z", "p", "w")}));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, AddOutcome::kReplaced);
  EXPECT_EQ(SupportOf(*store, T("x", "p", "y")), 0u);  // only a supported it
  EXPECT_EQ(SupportOf(*store, T("y", "p", "z")), 2u);  // a (still) and b
  EXPECT_EQ(SupportOf(*store, T("z", "p", "w")), 1u);
  auto view = store->NewReadView();
  EXPECT_EQ(view->Count(kNoTerm, kNoTerm, kNoTerm), 2u);
  EXPECT_EQ(view->GetDocument("a")->content_hash, "h2");
  auto stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->triples, 2u);
  EXPECT_EQ(stats->documents, 2u);
  EXPECT_GT(stats->disk_bytes, 0u);
}

TEST(StoreTest, RemovalKeepsTriplesOthersSupport) {
  TempDir dir{"kg-store"};
  auto store = OpenOrDie(dir.path());
  ASSERT_TRUE(store
                  ->AddDocument(
                      Doc("a", "h", {T("x", "p", "y"), T("shared", "p", "y")}))
                  .ok());
  ASSERT_TRUE(store->AddDocument(Doc("b", "h", {T("shared", "p", "y")})).ok());
  ASSERT_TRUE(store->AddDocument(Doc("c", "h", {T("shared", "p", "y")})).ok());
  EXPECT_EQ(SupportOf(*store, T("shared", "p", "y")), 3u);
  ASSERT_TRUE(store->RemoveDocument("a").ok());
  EXPECT_EQ(SupportOf(*store, T("x", "p", "y")), 0u);
  EXPECT_EQ(SupportOf(*store, T("shared", "p", "y")), 2u);
  ASSERT_TRUE(store->RemoveDocument("b").ok());
  EXPECT_EQ(SupportOf(*store, T("shared", "p", "y")), 1u);
  EXPECT_TRUE(store->RemoveDocument("b").IsNotFound());
  ASSERT_TRUE(store->RemoveDocument("c").ok());
  auto view = store->NewReadView();
  EXPECT_FALSE(view->Match(kNoTerm, kNoTerm, kNoTerm)->Valid());
  EXPECT_EQ(view->Count(kNoTerm, kNoTerm, kNoTerm), 0u);
  EXPECT_FALSE(view->Documents()->Valid());
  // Re-adding after removal works and counts start again from one.
  ASSERT_TRUE(store->AddDocument(Doc("a", "h", {T("x", "p", "y")})).ok());
  EXPECT_EQ(SupportOf(*store, T("x", "p", "y")), 1u);
}

TEST(StoreTest, StatementsCarryProvenanceAndFollowTheirDocument) {
  TempDir dir{"kg-store"};
  auto store = OpenOrDie(dir.path());
  DocumentInput a = Doc("a", "h1", {T("x", "p", "y")});
  StatementRecord st;
  st.id = "a#0";
  st.triple = T("x", "p", "y");
  st.sentence = 3;
  st.begin = 10;
  st.end = 20;
  st.extractor = "kg-deps-1";
  st.confidence = 0.75;
  a.statements = {st};
  st.id = "a#1";
  st.triple = T("q", "p", "y");  // a statement's triple joins the document
  a.statements.push_back(st);
  ASSERT_TRUE(store->AddDocument(a).ok());
  DocumentInput b = Doc("b", "h1", {T("x", "p", "y")});
  st.id = "b#0";
  st.triple = T("x", "p", "y");
  st.extractor = "load";
  b.statements = {st};
  ASSERT_TRUE(store->AddDocument(b).ok());

  auto view = store->NewReadView();
  auto got = view->Statements(Ids(*view, T("x", "p", "y")));
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  ASSERT_EQ(got->size(), 2u);
  std::set<std::string> docs;
  for (const auto& s : *got) {
    docs.insert(s.document_id);
    EXPECT_EQ(s.triple.subject, E("x"));
    EXPECT_EQ(s.triple.object, E("y"));
    if (s.id == "a#0") {
      EXPECT_EQ(s.sentence, 3u);
      EXPECT_EQ(s.begin, 10u);
      EXPECT_EQ(s.end, 20u);
      EXPECT_EQ(s.extractor, "kg-deps-1");
      EXPECT_DOUBLE_EQ(s.confidence, 0.75);
    }
  }
  EXPECT_EQ(docs, (std::set<std::string>{"a", "b"}));
  EXPECT_EQ(view->GetDocument("a")->triple_count, 2u);
  EXPECT_EQ(view->GetDocument("a")->statement_count, 2u);
  EXPECT_EQ(store->Stats()->statements, 3u);

  ASSERT_TRUE(store->AddDocument(Doc("a", "h2", {T("x", "p", "y")})).ok());
  auto after = store->NewReadView();
  got = after->Statements(Ids(*after, T("x", "p", "y")));
  ASSERT_TRUE(got.ok());
  ASSERT_EQ(got->size(), 1u);
  EXPECT_EQ((*got)[0].document_id, "b");
  EXPECT_EQ(store->Stats()->statements, 1u);
  // The old view still sees its snapshot.
  EXPECT_EQ(view->Statements(Ids(*view, T("x", "p", "y")))->size(), 2u);
  EXPECT_EQ(view->GetDocument("a")->content_hash, "h1");

  StatementRecord bad = st;
  bad.confidence = 1.5;
  DocumentInput c = Doc("c", "h", {});
  c.statements = {bad};
  EXPECT_EQ(store->AddDocument(c).status().code(),
            Status::Code::kInvalidArgument);
}

TEST(StoreTest, DocumentsListsEveryRecord) {
  TempDir dir{"kg-store"};
  auto store = OpenOrDie(dir.path());
  for (const char* id : {"b", "a", "c"}) {
    ASSERT_TRUE(store->AddDocument(Doc(id, "h", {T(id, "p", "o")})).ok());
  }
  std::vector<std::string> ids;
  auto it = store->NewReadView()->Documents();
  for (; it->Valid(); it->Next()) ids.push_back(it->record().id);
  EXPECT_TRUE(it->status().ok());
  EXPECT_EQ(ids, (std::vector<std::string>{"a", "b", "c"}));
}

TEST(StoreTest, DataPersistsAcrossReopen) {
  TempDir dir{"kg-store"};
  TermId max_id = 0;
  {
    auto store = OpenOrDie(dir.path());
    ASSERT_TRUE(
        store->AddDocument(Doc("a", "h", {T("x", "p", "y"), T("y", "p", "z")}))
            .ok());
    ASSERT_TRUE(
        store->BulkLoad(Doc("bulk", "h", {T("x", "p", "y"), T("u", "q", "v")}))
            .ok());
    max_id = store->NewReadView()->max_term_id();
  }
  auto store = OpenOrDie(dir.path());
  auto view = store->NewReadView();
  EXPECT_EQ(view->max_term_id(), max_id);
  EXPECT_EQ(view->Count(kNoTerm, kNoTerm, kNoTerm), 3u);
  EXPECT_EQ(SupportOf(*store, T("x", "p", "y")), 2u);
  // New terms continue the dense numbering.
  ASSERT_TRUE(store->AddDocument(Doc("b", "h", {T("new", "p", "y")})).ok());
  auto id = store->NewReadView()->Lookup(E("new"));
  ASSERT_TRUE(id.ok());
  EXPECT_EQ(*id, max_id + 1);
  EXPECT_EQ(*store->AddDocument(Doc("a", "h", {})), AddOutcome::kUnchanged);
}

TEST(StoreTest, ReadOnlyStoreRefusesWrites) {
  TempDir dir{"kg-store"};
  {
    auto store = OpenOrDie(dir.path());
    ASSERT_TRUE(store->AddDocument(Doc("a", "h", {T("x", "p", "y")})).ok());
  }
  OpenOptions ro;
  ro.read_only = true;
  auto store = OpenOrDie(dir.path(), ro);
  EXPECT_EQ(store->NewReadView()->Count(kNoTerm, kNoTerm, kNoTerm), 1u);
  EXPECT_EQ(store->AddDocument(Doc("b", "h", {})).status().code(),
            Status::Code::kInvalidArgument);
  EXPECT_EQ(store->RemoveDocument("a").code(), Status::Code::kInvalidArgument);
  EXPECT_TRUE(Store::Open(dir.Sub("absent"), ro).status().IsNotFound());
}

TEST(StoreTest, OpenRejectsWhatIsNotAKgStore) {
  TempDir dir{"kg-store"};
  std::filesystem::create_directories(dir.Sub("notes"));
  std::ofstream(dir.Sub("notes/readme.txt")) << "hello";
  auto s = Store::Open(dir.Sub("notes"));
  EXPECT_EQ(s.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.status().message().find("is not a kg store"), std::string::npos)
      << s.status().message();
  std::ofstream(dir.Sub("file")) << "x";
  EXPECT_EQ(Store::Open(dir.Sub("file")).status().code(),
            Status::Code::kInvalidArgument);
  // A plain RocksDB database is not a kg store either.
  rocksdb::DB* raw = nullptr;
  rocksdb::Options o;
  o.create_if_missing = true;
  ASSERT_TRUE(rocksdb::DB::Open(o, dir.Sub("plain"), &raw).ok());
  delete raw;
  s = Store::Open(dir.Sub("plain"));
  EXPECT_EQ(s.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.status().message().find("not a kg store"), std::string::npos);
  OpenOptions no_create;
  no_create.create_if_missing = false;
  EXPECT_TRUE(Store::Open(dir.Sub("absent"), no_create).status().IsNotFound());
}

TEST(StoreTest, UnknownFormatVersionIsAClearError) {
  TempDir dir{"kg-store"};
  { auto store = OpenOrDie(dir.path()); }
  {
    std::vector<std::string> names;
    ASSERT_TRUE(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(),
                                                dir.path(), &names)
                    .ok());
    std::vector<rocksdb::ColumnFamilyDescriptor> cfs;
    for (auto& n : names) cfs.emplace_back(n, rocksdb::ColumnFamilyOptions());
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* raw = nullptr;
    ASSERT_TRUE(
        rocksdb::DB::Open(rocksdb::DBOptions(), dir.path(), cfs, &handles, &raw)
            .ok());
    for (size_t i = 0; i < names.size(); ++i) {
      if (names[i] == "meta") {
        ASSERT_TRUE(raw->Put(rocksdb::WriteOptions(), handles[i],
                             "format_version", "99")
                        .ok());
      }
    }
    for (auto* h : handles)
      raw->DestroyColumnFamilyHandle(h).PermitUncheckedError();
    delete raw;
  }
  auto s = Store::Open(dir.path());
  EXPECT_EQ(s.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.status().message().find("format version 99"), std::string::npos)
      << s.status().message();
}

}  // namespace
}  // namespace kg
