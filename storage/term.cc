#include "storage/term.h"

#include <cstdio>

namespace kg {

std::string EscapeNTriplesString(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04X", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out;
}

namespace {
// IRIs may not contain spaces, <>"{}|^`\ or controls in N-Triples; escape them
// as \uXXXX.
std::string EscapeIri(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) {
    if (c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' ||
        c == '|' || c == '^' || c == '`' || c == '\\' || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04X", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}
}  // namespace

std::string Term::ToNTriples() const {
  std::string out;
  switch (kind) {
    case Kind::kIri:
      out += '<';
      out += EscapeIri(value);
      out += '>';
      break;
    case Kind::kBlank:
      out += "_:";
      out += value;
      break;
    case Kind::kLiteral:
      out += '"';
      out += EscapeNTriplesString(value);
      out += '"';
      if (!lang.empty()) {
        out += '@';
        out += lang;
      } else if (!datatype.empty() &&
                 datatype != std::string(kXsdNs) + "string") {
        out += "^^<";
        out += EscapeIri(datatype);
        out += '>';
      }
      break;
  }
  return out;
}

// Layout: kind byte, then value; literals add 0x00, a marker byte ('@' lang or
// '^' type or
// '-' plain) and the tag. Values may contain any byte but NUL is rejected
// upstream, so 0x00 is a safe separator.
std::string Term::Encode() const {
  std::string out;
  EncodeTo(&out);
  return out;
}

void Term::EncodeTo(std::string* out) const {
  out->clear();
  out->reserve(value.size() + 3 + datatype.size() + lang.size());
  *out += static_cast<char>('0' + static_cast<int>(kind));
  *out += value;
  if (kind == Kind::kLiteral) {
    *out += '\0';
    if (!lang.empty()) {
      *out += '@';
      *out += lang;
    } else if (!datatype.empty()) {
      *out += '^';
      *out += datatype;
    } else {
      *out += '-';
    }
  }
}

StatusOr<Term> Term::Decode(std::string_view bytes) {
  Term t;
  Status st = DecodeInto(bytes, &t);
  if (!st.ok()) return st;
  return t;
}

Status Term::DecodeInto(std::string_view bytes, Term* out) {
  if (bytes.empty()) return Status::Corruption("empty term encoding");
  int k = bytes[0] - '0';
  if (k < 0 || k > 2) return Status::Corruption("bad term kind byte");
  out->kind = static_cast<Kind>(k);
  out->datatype.clear();
  out->lang.clear();
  std::string_view rest = bytes.substr(1);
  if (out->kind != Kind::kLiteral) {
    out->value.assign(rest);
    return Status::OK();
  }
  size_t nul = rest.rfind('\0');
  if (nul == std::string_view::npos || nul + 1 >= rest.size()) {
    return Status::Corruption("bad literal encoding");
  }
  out->value.assign(rest.substr(0, nul));
  char marker = rest[nul + 1];
  std::string_view tag = rest.substr(nul + 2);
  if (marker == '@') {
    out->lang.assign(tag);
  } else if (marker == '^') {
    out->datatype.assign(tag);
  } else if (marker != '-') {
    return Status::Corruption("bad literal marker");
  }
  return Status::OK();
}

}  // namespace kg
