#include "ingest/rdf_source.h"

#include <algorithm>
#include <cstring>

namespace kg {
namespace {

constexpr uint64_t kPrime1 = 0x9E3779B185EBCA87ULL;
constexpr uint64_t kPrime2 = 0xC2B2AE3D27D4EB4FULL;
constexpr uint64_t kPrime3 = 0x165667B19E3779F9ULL;

uint64_t Rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

uint64_t LoadLittle64(const unsigned char* p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

uint64_t Round(uint64_t lane, uint64_t word) {
  lane += word * kPrime2;
  return Rotl(lane, 31) * kPrime1;
}

uint64_t Avalanche(uint64_t h) {
  h ^= h >> 33;
  h *= kPrime2;
  h ^= h >> 29;
  h *= kPrime3;
  h ^= h >> 32;
  return h;
}

}  // namespace

ContentHasher::ContentHasher()
    : lanes_{kPrime1 + kPrime2, kPrime2, 0, 0 - kPrime1} {}

void ContentHasher::Block(const unsigned char* p) {
  for (int i = 0; i < 4; ++i)
    lanes_[i] = Round(lanes_[i], LoadLittle64(p + 8 * i));
}

void ContentHasher::Update(const void* data, size_t size) {
  const auto* p = static_cast<const unsigned char*>(data);
  total_ += size;
  if (pending_size_ > 0) {
    size_t take = std::min(size, sizeof pending_ - pending_size_);
    std::memcpy(pending_ + pending_size_, p, take);
    pending_size_ += take;
    p += take;
    size -= take;
    if (pending_size_ < sizeof pending_) return;
    Block(pending_);
    pending_size_ = 0;
  }
  for (; size >= 32; p += 32, size -= 32) Block(p);
  std::memcpy(pending_, p, size);
  pending_size_ = size;
}

std::string ContentHasher::Digest() const {
  uint64_t h = Rotl(lanes_[0], 1) + Rotl(lanes_[1], 7) + Rotl(lanes_[2], 12) +
               Rotl(lanes_[3], 18);
  h += total_;
  size_t i = 0;
  for (; i + 8 <= pending_size_; i += 8) {
    h ^= Round(0, LoadLittle64(pending_ + i));
    h = Rotl(h, 27) * kPrime1 + kPrime3;
  }
  for (; i < pending_size_; ++i) {
    h ^= pending_[i] * kPrime3;
    h = Rotl(h, 11) * kPrime1;
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "h64:%016llx:%llu",
                static_cast<unsigned long long>(Avalanche(h)),
                static_cast<unsigned long long>(total_));
  return buf;
}

void CountingSource::Consume(const unsigned char* p, size_t n) {
  if (n == 0) return;
  hasher.Update(p, n);
  bytes += n;
  if (last_is_newline) ++newlines;
  newlines += std::count(p, p + n - 1, '\n');
  last_is_newline = p[n - 1] == '\n';
}

size_t CountingSource::Read(void* buf, size_t size, size_t nmemb,
                            void* stream) {
  auto* self = static_cast<CountingSource*>(stream);
  size_t got = std::fread(buf, size, nmemb, self->file);
  self->Consume(static_cast<const unsigned char*>(buf), got * size);
  return got;
}

int CountingSource::Error(void* stream) {
  return std::ferror(static_cast<CountingSource*>(stream)->file);
}

}  // namespace kg
