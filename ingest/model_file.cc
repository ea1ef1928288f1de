#include "ingest/model_file.h"

#include <zlib.h>

#include <bit>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace kg {

static_assert(std::endian::native == std::endian::little,
              "model files are read and written little-endian");

namespace {

constexpr char kMagic[8] = {'K', 'G', 'M', 'O', 'D', 'E', 'L', '\0'};

std::string TagName(uint32_t tag) {
  std::string s(4, ' ');
  for (int i = 0; i < 4; ++i) {
    char c = char((tag >> (8 * i)) & 0xff);
    s[i] = (c >= 32 && c < 127) ? c : '?';
  }
  return s;
}

}  // namespace

uint32_t Crc32(std::string_view bytes) {
  return uint32_t(
      crc32_z(0, reinterpret_cast<const Bytef*>(bytes.data()), bytes.size()));
}

const std::string* ModelFile::Section(uint32_t tag) const {
  for (const auto& [t, payload] : sections_)
    if (t == tag) return &payload;
  return nullptr;
}

std::string ModelFile::Serialize() const {
  ByteWriter w;
  w.bytes().append(kMagic, sizeof(kMagic));
  w.Put<uint32_t>(kModelFormatVersion);
  w.Put<uint32_t>(uint32_t(sections_.size()));
  for (const auto& [tag, payload] : sections_) {
    w.Put<uint32_t>(tag);
    w.Put<uint64_t>(payload.size());
    w.bytes().append(payload);
    w.Put<uint32_t>(Crc32(payload));
  }
  w.Put<uint32_t>(Crc32(w.bytes()));
  return std::move(w.bytes());
}

Status ModelFile::WriteFile(const std::string& path) const {
  std::string bytes = Serialize();
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::IOError(path + ": cannot open for writing");
    out.write(bytes.data(), std::streamsize(bytes.size()));
    out.flush();
    if (!out) {
      std::remove(tmp.c_str());
      return Status::IOError(path + ": write failed");
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return Status::IOError(path + ": cannot rename temporary file into place");
  }
  return Status::OK();
}

StatusOr<ModelFile> ModelFile::Parse(std::string_view bytes,
                                     const std::string& name) {
  auto corrupt = [&](const std::string& what) {
    return Status::Corruption(name + ": not a usable kg model file: " + what);
  };
  if (bytes.size() < sizeof(kMagic) + 12 ||
      std::memcmp(bytes.data(), kMagic, sizeof(kMagic)) != 0)
    return corrupt("bad magic (wrong file type or truncated header)");
  ByteReader r(bytes.substr(sizeof(kMagic)));
  uint32_t version = 0, count = 0;
  r.Get(&version);
  r.Get(&count);
  if (version != kModelFormatVersion)
    return corrupt("format version " + std::to_string(version) +
                   ", this build reads version " +
                   std::to_string(kModelFormatVersion));
  uint32_t stored_crc = 0;
  std::memcpy(&stored_crc, bytes.data() + bytes.size() - 4, 4);
  if (Crc32(bytes.substr(0, bytes.size() - 4)) != stored_crc)
    return corrupt("file checksum mismatch (truncated or damaged file)");
  ModelFile file;
  for (uint32_t i = 0; i < count; ++i) {
    uint32_t tag = 0, crc = 0;
    uint64_t length = 0;
    std::string_view payload;
    if (!r.Get(&tag) || !r.Get(&length)) return corrupt("truncated section");
    if (length > bytes.size() || !r.GetView(size_t(length), &payload) ||
        !r.Get(&crc))
      return corrupt("section " + TagName(tag) + " is truncated");
    if (Crc32(payload) != crc)
      return corrupt("section " + TagName(tag) + " checksum mismatch");
    file.AddSection(tag, std::string(payload));
  }
  uint32_t trailer = 0;
  if (!r.Get(&trailer) || !r.AtEnd())
    return corrupt("unexpected bytes after the last section");
  return file;
}

StatusOr<ModelFile> ModelFile::ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return Status::IOError(path + ": cannot open model file");
  std::streamoff size = in.tellg();
  if (size < 0) return Status::IOError(path + ": cannot read model file");
  std::string bytes(size_t(size), '\0');
  in.seekg(0);
  in.read(bytes.data(), size);
  if (in.gcount() != size)
    return Status::IOError(path + ": read failed (file changed?)");
  return Parse(bytes, path);
}

}  // namespace kg
