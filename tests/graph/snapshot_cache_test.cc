#include "graph/snapshot_cache.h"

#include <gtest/gtest.h>

#include <fstream>

#include "graph_test_util.h"

namespace kg {
namespace {

using namespace kg::testing;  // NOLINT
using Source = SnapshotCache::Source;

class SnapshotCacheTest : public StoreFixture {
 protected:
  std::shared_ptr<const EntityGraph> Get(SnapshotCache& cache) {
    auto view = store_->NewReadView();
    auto g = cache.Get(*view);
    EXPECT_TRUE(g.ok()) << g.status().ToString();
    return g.ok() ? *g : nullptr;
  }
  std::string CacheFile() const {
    return (dir_ / SnapshotCache::kFileName).string();
  }
};

TEST_F(SnapshotCacheTest, RebuildsOnlyWhenTheStoreChanges) {
  Add("doc1", {{Entity("A"), Rel("r"), Entity("B")}});
  SnapshotCache cache(SnapshotOptions{});
  auto g1 = Get(cache);
  EXPECT_EQ(cache.last_source(), Source::kBuilt);
  auto g2 = Get(cache);
  EXPECT_EQ(cache.last_source(), Source::kMemory);
  EXPECT_EQ(g1.get(), g2.get());

  Add("doc2", {{Entity("B"), Rel("r"), Entity("C")}});
  auto g3 = Get(cache);
  EXPECT_EQ(cache.last_source(), Source::kBuilt);
  EXPECT_EQ(g3->num_edges(), 2u);
  EXPECT_NE(g3->sequence(), g1->sequence());
  EXPECT_EQ(g1->num_edges(), 1u);  // a held snapshot is unaffected

  ASSERT_TRUE(store_->RemoveDocument("doc1").ok());
  auto g4 = Get(cache);
  EXPECT_EQ(cache.last_source(), Source::kBuilt);
  EXPECT_EQ(g4->num_edges(), 1u);
  EXPECT_NE(g4->vertex(Id(Entity("C"))), kNoVertex);
  EXPECT_EQ(g4->vertex(Id(Entity("A"))), kNoVertex);
}

TEST_F(SnapshotCacheTest, BulkLoadsInvalidateToo) {
  Add("doc1", {{Entity("A"), Rel("r"), Entity("B")}});
  SnapshotCache cache(SnapshotOptions{}, dir_.string());
  EXPECT_EQ(Get(cache)->num_edges(), 1u);
  DocumentInput big;
  big.id = "bulk";
  big.content_hash = "1";
  for (int i = 0; i < 50; ++i) {
    big.triples.push_back({Entity("B"), Rel("r"),
                           Entity(std::string("X").append(std::to_string(i)))});
  }
  ASSERT_TRUE(store_->BulkLoad(big).ok());
  auto g = Get(cache);
  EXPECT_EQ(cache.last_source(), Source::kBuilt);
  EXPECT_EQ(g->num_edges(), 51u);
  SnapshotCache fresh(SnapshotOptions{}, dir_.string());
  EXPECT_EQ(Get(fresh)->num_edges(), 51u);
  EXPECT_EQ(fresh.last_source(), Source::kDisk);
}

TEST_F(SnapshotCacheTest, ANewCacheLoadsTheFileUntilTheStoreChanges) {
  Add("doc1", {{Entity("A"), Rel("r"), Entity("B")},
               {Entity("B"), Rel("s"), Entity("C")}});
  {
    SnapshotCache writer(SnapshotOptions{}, dir_.string());
    Get(writer);
    EXPECT_EQ(writer.last_source(), Source::kBuilt);
  }
  ASSERT_TRUE(std::filesystem::exists(CacheFile()));
  SnapshotCache reader(SnapshotOptions{}, dir_.string());
  auto g = Get(reader);
  EXPECT_EQ(reader.last_source(), Source::kDisk);
  EXPECT_EQ(g->num_edges(), 2u);
  EXPECT_EQ(g->out_degree(g->vertex(Id(Entity("B")))), 1u);

  Add("doc2", {{Entity("C"), Rel("r"), Entity("D")}});
  SnapshotCache after(SnapshotOptions{}, dir_.string());
  g = Get(after);
  EXPECT_EQ(after.last_source(), Source::kBuilt);
  EXPECT_EQ(g->num_edges(), 3u);
}

TEST_F(SnapshotCacheTest, OtherOptionsDoNotShareTheFile) {
  Add("doc1", {{Entity("A"), Rel("r"), Entity("B")},
               {Term::Iri("http://x.org/a"), Rel("r"), Entity("B")}});
  SnapshotCache entities(SnapshotOptions{}, dir_.string());
  EXPECT_EQ(Get(entities)->num_edges(), 1u);
  SnapshotOptions any;
  any.any_iri = true;
  SnapshotCache all(any, dir_.string());
  EXPECT_EQ(Get(all)->num_edges(), 2u);
  EXPECT_EQ(all.last_source(), Source::kBuilt);
}

TEST_F(SnapshotCacheTest, DamagedFileIsRebuilt) {
  Add("doc1", {{Entity("A"), Rel("r"), Entity("B")}});
  {
    SnapshotCache writer(SnapshotOptions{}, dir_.string());
    Get(writer);
  }
  const auto size = std::filesystem::file_size(CacheFile());
  std::filesystem::resize_file(CacheFile(), size - 5);  // truncated
  SnapshotCache reader(SnapshotOptions{}, dir_.string());
  auto g = Get(reader);
  EXPECT_EQ(reader.last_source(), Source::kBuilt);
  EXPECT_EQ(g->num_edges(), 1u);
  std::ofstream(CacheFile(), std::ios::trunc) << "garbage";
  SnapshotCache again(SnapshotOptions{}, dir_.string());
  EXPECT_EQ(Get(again)->num_edges(), 1u);
  EXPECT_EQ(again.last_source(), Source::kBuilt);
}

}  // namespace
}  // namespace kg
