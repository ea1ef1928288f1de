#include "ingest/extract_format.h"

#include <cstdio>
#include <nlohmann/json.hpp>

namespace kg {
namespace {

std::string Clean(const std::string& s) {
  std::string out = s;
  for (char& c : out)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return out;
}

std::string Conf(float c) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", c);
  return buf;
}

nlohmann::json ArgJson(const Argument& a) {
  return {{"text", a.text}, {"begin", a.begin}, {"end", a.end}};
}

}  // namespace

std::string FormatCarb(const Sentence& s, const std::vector<Extraction>& xs) {
  std::string out;
  std::string sentence = s.text;
  while (!sentence.empty() &&
         (sentence.back() == '\n' || sentence.back() == '\r'))
    sentence.pop_back();
  sentence = Clean(sentence);
  for (const Extraction& x : xs) {
    if (x.objects.empty() && x.qualifiers.empty()) continue;
    out += sentence + '\t' + Conf(x.confidence) + '\t' + Clean(x.relation) +
           '\t' + Clean(x.subject.text);
    for (const Argument& a : x.objects) out += '\t' + Clean(a.text);
    for (const Argument& a : x.qualifiers) out += '\t' + Clean(a.text);
    out += '\n';
  }
  return out;
}

std::string FormatFeatures(const Sentence& s,
                           const std::vector<Extraction>& xs) {
  std::string out;
  for (const Extraction& x : xs) {
    std::string line = FormatCarb(s, {x});
    if (line.empty()) continue;
    for (size_t i = 0; i < x.features.size(); ++i) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%s%.5g", i ? " " : "", x.features[i]);
      out += buf;
    }
    out += '\t' + line;
  }
  return out;
}

std::string FormatTsv(const std::string& doc, const Sentence& s,
                      const std::vector<Extraction>& xs) {
  (void)s;
  std::string out;
  for (const Extraction& x : xs) {
    std::string quals;
    for (const Argument& q : x.qualifiers) {
      if (!quals.empty()) quals += " | ";
      quals += Clean(q.text);
    }
    std::string object;
    for (const Argument& o : x.objects) {
      if (!object.empty()) object += ' ';
      object += Clean(o.text);
    }
    out += Clean(doc) + '\t' + Conf(x.confidence) + '\t' +
           Clean(x.subject.text) + '\t' + Clean(x.relation_lemma) + '\t' +
           object + '\t' + x.rule + '\t' + quals + '\t' +
           Clean(x.attributed_to) + '\n';
  }
  return out;
}

std::string FormatJson(const std::string& doc, const Sentence& s,
                       const std::vector<Extraction>& xs) {
  nlohmann::json j;
  j["doc"] = doc;
  j["sentence"] = s.text;
  j["begin"] = s.begin;
  j["end"] = s.end;
  j["extractions"] = nlohmann::json::array();
  for (const Extraction& x : xs) {
    nlohmann::json e;
    e["relation"] = x.relation;
    e["relation_lemma"] = x.relation_lemma;
    e["subject"] = ArgJson(x.subject);
    e["objects"] = nlohmann::json::array();
    for (const Argument& a : x.objects) e["objects"].push_back(ArgJson(a));
    e["qualifiers"] = nlohmann::json::array();
    for (const Argument& a : x.qualifiers)
      e["qualifiers"].push_back(ArgJson(a));
    if (!x.attributed_to.empty()) e["attributed_to"] = x.attributed_to;
    e["confidence"] = x.confidence;
    e["rule"] = x.rule;
    j["extractions"].push_back(std::move(e));
  }
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
         "\n";
}

}  // namespace kg
