#include "storage/check.h"

#include <gtest/gtest.h>
#include <rocksdb/db.h>

#include "storage/key_codec.h"
#include "tests/storage/store_test_util.h"

namespace kg {
namespace {

// Opens the store's RocksDB directly to damage it the way a bug would.
void Damage(const std::string& path, const std::string& cf_name,
            const std::string& key, const std::string* value) {
  std::vector<std::string> names;
  ASSERT_TRUE(
      rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), path, &names).ok());
  std::vector<rocksdb::ColumnFamilyDescriptor> cfs;
  for (auto& n : names) cfs.emplace_back(n, rocksdb::ColumnFamilyOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  ASSERT_TRUE(
      rocksdb::DB::Open(rocksdb::DBOptions(), path, cfs, &handles, &raw).ok());
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] != cf_name) continue;
    rocksdb::Status s =
        value ? raw->Put(rocksdb::WriteOptions(), handles[i], key, *value)
              : raw->Delete(rocksdb::WriteOptions(), handles[i], key);
    ASSERT_TRUE(s.ok());
  }
  for (auto* h : handles)
    raw->DestroyColumnFamilyHandle(h).PermitUncheckedError();
  delete raw;
}

class CheckTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = OpenOrDie(dir_.path());
    ASSERT_TRUE(store);
    DocumentInput a = Doc("a", "h", {T("x", "p", "y"), T("y", "p", "z")});
    StatementRecord st;
    st.id = "a#0";
    st.triple = T("x", "p", "y");
    a.statements = {st};
    ASSERT_TRUE(store->AddDocument(a).ok());
    ASSERT_TRUE(
        store->BulkLoad(Doc("b", "h", {T("x", "p", "y"), T("u", "q", "v")}))
            .ok());
    ASSERT_TRUE(store->AddDocument(Doc("c", "h", {T("gone", "p", "y")})).ok());
    ASSERT_TRUE(store->RemoveDocument("c").ok());
    auto view = store->NewReadView();
    xpy_ = {*view->Lookup(E("x")), *view->Lookup(E("p")),
            *view->Lookup(E("y"))};
  }
  TempDir dir_{"kg-store"};
  IdTriple xpy_;
};

TEST_F(CheckTest, HealthyStorePasses) {
  CheckReport r;
  ASSERT_TRUE(CheckStore(dir_.path(), &r).ok());
  EXPECT_TRUE(r.ok()) << (r.problems.empty() ? "" : r.problems[0]);
  EXPECT_EQ(r.triples, 3u);
  EXPECT_EQ(r.documents, 2u);
  EXPECT_EQ(r.statements, 1u);
  // x p y z u q v, and "gone": a removed document's terms keep their ids.
  EXPECT_EQ(r.terms, 8u);
}

TEST_F(CheckTest, FindsATripleMissingFromAnIndex) {
  IndexKey k = EncodeIndexKey(IndexKind::kOsp, xpy_);
  Damage(dir_.path(), "osp", std::string(k.data(), k.size()), nullptr);
  CheckReport r;
  ASSERT_TRUE(CheckStore(dir_.path(), &r).ok());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.problems[0].find("osp"), std::string::npos) << r.problems[0];
}

TEST_F(CheckTest, FindsAWrongSupportCount) {
  IndexKey k = EncodeIndexKey(IndexKind::kSpo, xpy_);
  const std::string five = EncodeId(5);
  Damage(dir_.path(), "support", std::string(k.data(), k.size()), &five);
  CheckReport r;
  ASSERT_TRUE(CheckStore(dir_.path(), &r).ok());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.problems[0].find("support"), std::string::npos) << r.problems[0];
}

TEST_F(CheckTest, FindsAStatementOfAnAbsentDocument) {
  Damage(dir_.path(), "documents", "a", nullptr);
  CheckReport r;
  ASSERT_TRUE(CheckStore(dir_.path(), &r).ok());
  ASSERT_FALSE(r.ok());
  bool found = false;
  for (const auto& p : r.problems)
    found |= p.find("absent document a") != std::string::npos;
  EXPECT_TRUE(found);
}

TEST_F(CheckTest, RefusesWhatIsNotAStore) {
  CheckReport r;
  EXPECT_TRUE(CheckStore(dir_.Sub("absent"), &r).IsNotFound());
}

}  // namespace
}  // namespace kg
