// The container format of kg model files (*.kgm), independent of what the
// sections hold:
//   magic "KGMODEL\0" (8 bytes), u32 format version, u32 section count,
//   then per section: u32 tag, u64 length, payload, u32 CRC-32 of the payload;
//   finally a u32 CRC-32 of every byte before it.
// Integers are little-endian. A truncated or damaged file yields
// Status::Corruption naming the file and the damage; nothing here crashes on
// bad bytes. ByteWriter/ByteReader are the bounds-checked (de)serialisers the
// section payloads use. All types are plain values; not thread-safe to mutate.
#ifndef KG_INGEST_MODEL_FILE_H_
#define KG_INGEST_MODEL_FILE_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "storage/status.h"

namespace kg {

inline constexpr uint32_t kModelFormatVersion = 2;

// Four-character section tags.
constexpr uint32_t SectionTag(const char (&s)[5]) {
  return uint32_t(uint8_t(s[0])) | uint32_t(uint8_t(s[1])) << 8 |
         uint32_t(uint8_t(s[2])) << 16 | uint32_t(uint8_t(s[3])) << 24;
}

uint32_t Crc32(std::string_view bytes);

class ByteWriter {
 public:
  template <typename T>
  void Put(T v) {
    char buf[sizeof(T)];
    std::memcpy(buf, &v, sizeof(T));
    out_.append(buf, sizeof(T));
  }
  void PutString(std::string_view s) {
    Put<uint32_t>(uint32_t(s.size()));
    out_.append(s);
  }
  template <typename T>
  void PutArray(const std::vector<T>& v) {
    out_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  std::string& bytes() { return out_; }

 private:
  std::string out_;
};

// Reads from a byte range it does not own. After the first failed read every
// Get returns false and ok() is false.
class ByteReader {
 public:
  explicit ByteReader(std::string_view in) : in_(in) {}
  template <typename T>
  bool Get(T* v) {
    if (!ok_ || in_.size() - pos_ < sizeof(T)) return ok_ = false;
    std::memcpy(v, in_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  bool GetString(std::string* s) {
    uint32_t n = 0;
    if (!Get(&n) || in_.size() - pos_ < n) return ok_ = false;
    s->assign(in_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  template <typename T>
  bool GetArray(size_t count, std::vector<T>* v) {
    if (!ok_ || count > (in_.size() - pos_) / sizeof(T)) return ok_ = false;
    v->resize(count);
    std::memcpy(v->data(), in_.data() + pos_, count * sizeof(T));
    pos_ += count * sizeof(T);
    return true;
  }
  // The next `n` bytes, without copying.
  bool GetView(size_t n, std::string_view* v) {
    if (!ok_ || n > in_.size() - pos_) return ok_ = false;
    *v = in_.substr(pos_, n);
    pos_ += n;
    return true;
  }
  bool ok() const { return ok_; }
  bool AtEnd() const { return pos_ == in_.size(); }
  size_t Remaining() const { return in_.size() - pos_; }

 private:
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

// An in-memory model file: named sections of bytes.
class ModelFile {
 public:
  void AddSection(uint32_t tag, std::string payload) {
    sections_.emplace_back(tag, std::move(payload));
  }
  // The payload of the first section with `tag`, or nullptr.
  const std::string* Section(uint32_t tag) const;

  std::string Serialize() const;
  // Writes to `path` through a temporary file renamed into place.
  Status WriteFile(const std::string& path) const;

  // `name` is used in error messages (usually the path).
  static StatusOr<ModelFile> Parse(std::string_view bytes,
                                   const std::string& name);
  static StatusOr<ModelFile> ReadFile(const std::string& path);

 private:
  std::vector<std::pair<uint32_t, std::string>> sections_;
};

}  // namespace kg

#endif  // KG_INGEST_MODEL_FILE_H_
